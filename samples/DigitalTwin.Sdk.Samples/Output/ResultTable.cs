using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>
/// A console table of plain-text cells: each cell is escaped for Spectre markup, and a missing value shows as <c>-</c>.
/// </summary>
internal sealed class ResultTable
{
    private readonly Table _table;

    /// <summary>Starts a table with these column headers.</summary>
    /// <param name="columns">The column headers, plain text.</param>
    public ResultTable(params string[] columns) => _table = new Table().AddColumns(columns.Select(Markup.Escape).ToArray());

    /// <summary>Gets how many rows were added so far.</summary>
    public int RowCount => _table.Rows.Count;

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One plain-text value per column; <see langword="null"/> shows as <c>-</c>.</param>
    /// <returns>This table.</returns>
    public ResultTable AddRow(params string?[] cells)
    {
        _table.AddRow(cells.Select(c => Markup.Escape(c ?? "-")).ToArray());
        return this;
    }

    /// <summary>Adds a row whose cells are Spectre markup (escape any value in them with <see cref="Markup.Escape"/>).</summary>
    /// <param name="cells">One markup string per column.</param>
    /// <returns>This table.</returns>
    public ResultTable AddMarkupRow(params string[] cells)
    {
        _table.AddRow(cells);
        return this;
    }

    /// <summary>Writes the table to the console.</summary>
    public void Show() => AnsiConsole.Write(_table);
}

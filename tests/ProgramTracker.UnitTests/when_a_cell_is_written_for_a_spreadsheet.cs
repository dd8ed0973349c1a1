using ProgramTracker.Api.Web;

namespace ProgramTracker.UnitTests;

public sealed class when_a_cell_is_written_for_a_spreadsheet
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+CMD", "'+CMD")]
    [InlineData("-12 days", "'-12 days")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void text_that_would_run_as_a_formula_is_marked_as_text(string cell, string written) =>
        SpreadsheetCells.Text(cell).ShouldBe(written);

    [Theory]
    [InlineData("-12.5")]
    [InlineData("-3")]
    [InlineData("42")]
    public void a_number_stays_a_number(string number) => SpreadsheetCells.Text(number).ShouldBe(number);
}

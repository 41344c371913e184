using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class CsvNumberTests
{
    private static readonly CsvFormat[] Formats =
    [
        CsvFormat.Default,
        CsvFormat.European,
        CsvFormat.Default with { GroupSeparator = ',' , Delimiter = ';' },
        CsvFormat.European with { GroupSeparator = '.' },
        CsvFormat.Default with { GroupSeparator = ' ' },
        CsvFormat.Default with { Delimiter = '\t' },
        CsvFormat.European with { GroupSeparator = '\'', Delimiter = '|' },
    ];

    // Number formats as German, English, French and Swiss spreadsheets write them (tests run in invariant globalization mode).
    private static readonly NumberFormatInfo[] Cultures =
        [NumberFormatInfo.InvariantInfo, Numbers(",", "."), Numbers(".", ","), Numbers(",", "\u202F"), Numbers(".", "'")];

    private static NumberFormatInfo Numbers(string decimalSeparator, string groupSeparator)
    {
        var info = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        info.NumberDecimalSeparator = decimalSeparator;
        info.NumberGroupSeparator = groupSeparator;
        return info;
    }

    private static Journey Shop(out ActivityId ads, out WidgetId revenue)
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 12, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        revenue = journey.AddWidget(new Actor("ana"), ads, new MetricWidget(WidgetId.New(), "Revenue") { Kind = MetricKind.Currency });
        return journey;
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string ObservationCsv(CsvFormat format, ActivityId ads, WidgetId revenue, string value, bool quote = true)
    {
        var d = format.Delimiter.ToString();
        return string.Join(d, "activity_id", "metric_id", "date", "value") + "\n"
            + string.Join(d, ads.ToString(), revenue.ToString(), "2026-10-01", quote ? Quote(value) : value) + "\n";
    }

    private static Task<CsvImportResult> Import(Journey journey, string csv, CsvFormat? format) =>
        JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer"), CsvImportMode.ApplyValidRows, format);

    // Every way a person or a spreadsheet might write the number, right or wrong for the format that reads it; each
    // writing denotes the value in some convention (no rounding: an over-long number is an example test of its own).
    private static IEnumerable<string> Writings(decimal value, CsvFormat format)
    {
        var invariant = value.ToString(CultureInfo.InvariantCulture);
        yield return invariant;
        yield return invariant.Replace('.', ',');
        foreach (var culture in Cultures)
        {
            yield return value.ToString("#,##0.############################", culture);
            yield return value.ToString("#,##0.00############################", culture);
            yield return value.ToString(culture);
        }

        yield return value.ToString("#,##0.############################", CultureInfo.InvariantCulture).Replace(',', format.GroupSeparator ?? ',');
        yield return "+" + invariant;
        yield return " " + invariant + " ";
        yield return invariant + "e0";
    }

    /// <summary>The CSV formats above, one at a time; decimals come from FsCheck's own arbitrary.</summary>
    public static class CsvFormats
    {
        public static Arbitrary<CsvFormat> Formats() => Gen.Elements(CsvNumberTests.Formats).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(CsvFormats) }, MaxTest = 300)]
    public async Task Any_decimal_in_any_writing_imports_as_exactly_itself_or_as_a_row_error(decimal value, CsvFormat format)
    {
        foreach (var writing in Writings(value, format).Append(format.Format(value)).Distinct())
        {
            var journey = Shop(out var ads, out var revenue);
            var result = await Import(journey, ObservationCsv(format, ads, revenue, writing), format);
            var metric = (MetricWidget)journey.FindWidget(revenue, out _)!;
            if (result.Applied == 1)
            {
                Assert.True(value == metric.Observations.Single().Value, $"'{writing}' read with {format} gave {metric.Observations.Single().Value}, not {value}.");
            }
            else
            {
                Assert.Empty(metric.Observations);
                Assert.Equal(2L, result.Rejected.Single().Line);
            }
        }

        // The format's own writing always imports, with its digits and scale.
        var own = Shop(out var a, out var r);
        var exported = await Import(own, ObservationCsv(format, a, r, format.Format(value), quote: false), format);
        Assert.Equal(1, exported.Applied);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), ((MetricWidget)own.FindWidget(r, out _)!).Observations.Single().Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("activity_id,metric_id,date,value,value")]
    [InlineData("activity_id,metric_id,date,value,VALUE")]
    public async Task A_header_that_names_a_column_twice_is_refused_whole(string header)
    {
        var journey = Shop(out var ads, out var revenue);
        var version = journey.Version;
        var csv = $"{header}\n{ads},{revenue},2026-10-01,1,99\n";

        var error = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.Contains("line 1: the header names the column(s) value more than once, so which cell holds the value is ambiguous; keep one column of each name.", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, journey.Version);
    }

    [Fact]
    public async Task A_semicolon_file_with_decimal_commas_imports_exactly_when_the_caller_says_european()
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id;metric_id;date;value\n{ads};{revenue};2026-10-01;4,2\n";

        await JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer"), format: CsvFormat.European);

        Assert.Equal(4.2m, ((MetricWidget)journey.FindWidget(revenue, out _)!).Observations.Single().Value);
    }

    [Fact]
    public async Task A_semicolon_file_read_as_comma_separated_is_refused_not_read_as_other_numbers()
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id;metric_id;date;value\n{ads};{revenue};2026-10-01;4,2\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.Contains("lacks the column(s) activity_id, metric_id, date, value", ex.Message, StringComparison.Ordinal);
        Assert.Empty(((MetricWidget)journey.FindWidget(revenue, out _)!).Observations);
    }

    [Theory]
    [InlineData("\"4,5\"")]
    [InlineData("\"1,5\"")]
    [InlineData("\"1,234.5\"")]
    public async Task A_comma_inside_a_number_is_refused_naming_the_line_column_and_what_to_do(string cell)
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id,metric_id,date,value\n{ads},{revenue},2026-10-01,{cell}\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer")));

        var error = ex.Errors.Single();
        Assert.Equal(2L, error.Line);
        Assert.StartsWith($"The value '{cell.Trim('"')}' is not a number in this file's format: it contains ','", error.Reason, StringComparison.Ordinal);
        Assert.EndsWith("Write it like 12.5, or import with the CsvFormat the file was written in.", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.234.567,5", "1234567.5")]
    [InlineData("234,5", "234.5")]
    [InlineData("-1.000", "-1000")]
    public async Task Thousands_separators_are_read_when_the_caller_allows_them(string cell, string expected)
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id;metric_id;date;value\n{ads};{revenue};2026-10-01;{cell}\n";

        await JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer"), format: CsvFormat.European with { GroupSeparator = '.' });

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ((MetricWidget)journey.FindWidget(revenue, out _)!).Observations.Single().Value);
    }

    [Theory]
    [InlineData("1.5", "its thousands separators '.' do not split it into groups of three digits")]
    [InlineData("12.34.567", "its thousands separators '.' do not split it into groups of three digits")]
    [InlineData("1234.567", "its thousands separators '.' do not split it into groups of three digits")]
    [InlineData("1.", "it ends a group of digits with a thousands separator")]
    [InlineData("1,5.000", "it has a thousands separator after the decimal separator")]
    [InlineData("1e3", "it contains 'e'; write only an optional sign, digits and ',' (no exponent, unit or spaces)")]
    public async Task Thousands_separators_in_groups_other_than_three_are_refused(string cell, string problem)
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id;metric_id;date;value\n{ads};{revenue};2026-10-01;{cell}\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer"), format: CsvFormat.European with { GroupSeparator = '.' }));

        Assert.Equal($"The value '{cell}' is not a number in this file's format: {problem}. Write it like 12,5 or 1.234,5, or import with the CsvFormat the file was written in.", ex.Errors.Single().Reason);
    }

    [Fact]
    public async Task A_number_with_more_digits_than_a_decimal_holds_is_refused_not_rounded()
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = $"activity_id,metric_id,date,value\n{ads},{revenue},2026-10-01,1.00000000000000000000000000001\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.Contains("it has more digits or is larger than a decimal holds", ex.Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0},{1},2026-10-01,4,5", 5)]
    [InlineData("{0},{1},2026-10-01", 3)]
    public async Task A_row_with_more_or_fewer_fields_than_the_header_is_refused(string row, int fields)
    {
        var journey = Shop(out var ads, out var revenue);
        var csv = "activity_id,metric_id,date,value\n" + string.Format(CultureInfo.InvariantCulture, row, ads, revenue) + "\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.NotEqual(4, fields);
        Assert.Equal(
            new CsvRowError(2, "The row does not have the header's 4 fields; put a cell that contains the separator ',' in quotes, and check that the file uses ',' between fields (or pass the CsvFormat it uses)."),
            ex.Errors.Single());
        Assert.Empty(((MetricWidget)journey.FindWidget(revenue, out _)!).Observations);
    }

    [Fact]
    public async Task A_european_export_reads_back_with_the_european_format()
    {
        var journey = Shop(out _, out var revenue);
        journey.RecordObservation(new Actor("ana"), revenue, new LocalDate(2026, 10, 1), 1234.50m);
        using var writer = new StringWriter();
        await JourneyCsv.ExportObservationsAsync(journey, writer, CsvFormat.European);
        var copy = Shop(out _, out _);
        var text = writer.ToString().Replace(journey.Activities[0].Id.ToString(), copy.Activities[0].Id.ToString(), StringComparison.Ordinal);

        await JourneyCsv.ImportObservationsAsync(copy, new StringReader(text), new Actor("importer"), format: CsvFormat.European);

        Assert.EndsWith(";2026-10-01;1234,50;activity;See\n", writer.ToString(), StringComparison.Ordinal);
        Assert.Equal("1234.50", copy.Activities[0].Widgets.OfType<MetricWidget>().Last().Observations.Single().Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_format_whose_separators_clash_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => JourneyCsv.ImportObservationsAsync(Shop(out _, out _), new StringReader(""), new Actor("importer"), format: CsvFormat.Default with { GroupSeparator = '.' }).GetAwaiter().GetResult());

        Assert.Contains("thousands separator and the decimal separator are both '.'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CsvFormat.Default with { Delimiter = '"' });
    }
}

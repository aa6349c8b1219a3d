// A chart as the report pages ship it: labels and named series, written as JSON and CSV and
// shown as a table under the canvas.
#pragma once
#include <string>
#include <vector>

namespace ticketflow::report {

struct Series {
    std::string name;
    std::vector<double> values; // one per label; NaN: no value (a month without cases)
    std::string unit;           // when it differs from the chart's (a count beside durations)
};

/// `type` is "line", "bar" or "stacked" (stacked bars); `unit` names the value axis.
struct Chart {
    std::string id; // file stem of its JSON and CSV, and the canvas id: [a-z0-9-]+
    std::string title, type, unit;
    std::vector<std::string> labels;
    std::vector<Series> series;
};

/// {"id","title","type","unit","labels":[…],"series":[{"name","values":[…]}]}; no value is null.
std::string chartJson(const Chart& chart);
/// A UTF-8 BOM, a header row (label, then each series with its unit) and one row per
/// label; RFC 4180 quoting, CRLF line ends.
std::string chartCsv(const Chart& chart);
/// A figure as the table prints it: whole numbers without decimals, others with one, "—"
/// for no value (the CSV leaves that field empty).
std::string formatValue(double value);

/// A list under the charts (oldest New issues, slowest cases): a caption, column heads and
/// rows of cells, each cell optionally linked.
struct Cell {
    std::string text, href;
};
struct ListTable {
    std::string id, caption;
    std::vector<std::string> heads;
    std::vector<std::vector<Cell>> rows;
    std::vector<bool> highlighted; // per row, e.g. an overdue milestone
};

} // namespace ticketflow::report

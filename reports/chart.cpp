// Chart serialisation: JSON through nlohmann::json, CSV through the domain's CSV writer.
#include "reports/chart.hpp"

#include "core/domain/csv.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace ticketflow::report {

std::string formatValue(double value) {
    if (std::isnan(value)) return "—";
    char buf[32];
    if (std::fabs(value - std::round(value)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", value);
    else std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

std::string chartJson(const Chart& chart) {
    nlohmann::json series = nlohmann::json::array();
    for (const auto& s : chart.series) {
        nlohmann::json values = nlohmann::json::array();
        // The JSON carries the figures as the table prints them, so both always agree.
        for (double v : s.values) {
            if (std::isnan(v)) values.push_back(nullptr);
            else values.push_back(std::stod(formatValue(v)));
        }
        nlohmann::json one = {{"name", s.name}, {"values", values}};
        if (!s.unit.empty()) one["unit"] = s.unit;
        series.push_back(std::move(one));
    }
    nlohmann::json j = {{"id", chart.id},         {"title", chart.title}, {"type", chart.type},
                        {"unit", chart.unit},     {"labels", chart.labels}, {"series", series}};
    return j.dump();
}

std::string chartCsv(const Chart& chart) {
    std::vector<std::string> head = {"label"};
    for (const auto& s : chart.series) {
        const std::string& unit = s.unit.empty() ? chart.unit : s.unit;
        head.push_back(s.name + (unit.empty() ? "" : " (" + unit + ")"));
    }
    std::string out = std::string(domain::kUtf8Bom) + domain::csvRecord(head);
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
        std::vector<std::string> row = {chart.labels[i]};
        for (const auto& s : chart.series)
            row.push_back(i < s.values.size() && !std::isnan(s.values[i]) ? formatValue(s.values[i]) : "");
        out += domain::csvRecord(row);
    }
    return out;
}

} // namespace ticketflow::report

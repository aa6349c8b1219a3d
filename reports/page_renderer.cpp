// PageRenderer: fills ctemplate dictionaries from the page data.
#include "reports/page_renderer.hpp"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <stdexcept>

namespace ticketflow::report {

namespace {

std::string expand(const ctemplate::TemplateCache& cache, const std::string& name,
                   const ctemplate::TemplateDictionary& dict) {
    std::string out;
    if (!cache.ExpandNoLoad(name, ctemplate::DO_NOT_STRIP, &dict, nullptr, &out))
        throw std::runtime_error("template missing or broken: reports/" + name);
    return out;
}

void fillChart(ctemplate::TemplateDictionary& d, const Chart& c) {
    d.SetValue("ID", c.id);
    d.SetValue("TITLE", c.title);
    d.SetValue("UNIT", c.unit);
    d.SetValue("JSON", chartJson(c));
    d.SetValue("LABEL_HEAD", c.type == "line" ? "Period" : "");
    for (const auto& s : c.series) d.AddSectionDictionary("HEAD")->SetValue("NAME", s.name);
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
        auto* row = d.AddSectionDictionary("ROW");
        row->SetValue("LABEL", c.labels[i]);
        for (const auto& s : c.series) row->AddSectionDictionary("VALUE")->SetValue("TEXT", formatValue(s.values[i]));
    }
}

void fillList(ctemplate::TemplateDictionary& d, const ListTable& l) {
    d.SetValue("ID", l.id);
    d.SetValue("CAPTION", l.caption);
    for (const auto& h : l.heads) d.AddSectionDictionary("HEAD")->SetValue("NAME", h);
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
        auto* row = d.AddSectionDictionary("ROW");
        if (i < l.highlighted.size() && l.highlighted[i]) row->ShowSection("HIGHLIGHT");
        for (const auto& cell : l.rows[i]) {
            auto* td = row->AddSectionDictionary("CELL");
            auto* part = td->AddSectionDictionary(cell.href.empty() ? "PLAIN" : "LINK");
            part->SetValue("TEXT", cell.text);
            part->SetValue("HREF", cell.href);
        }
    }
    if (l.rows.empty()) d.AddSectionDictionary("EMPTY")->SetIntValue("COLUMNS", static_cast<long>(l.heads.size()));
}

void fillInfo(ctemplate::TemplateDictionary& d, const SiteInfo& info) {
    d.SetValue("AS_OF", info.asOf);
    d.SetValue("ZONE", info.zone);
    d.SetValue("GENERATED", info.generated);
    d.SetValue("CHARTJS_VERSION", info.chartJsVersion);
}

} // namespace

PageRenderer::PageRenderer(const std::string& templatesDir) : _cache(std::make_unique<ctemplate::TemplateCache>()) {
    _cache->SetTemplateRootDirectory(templatesDir + "/reports");
    for (const char* name : {"report.tpl", "index.tpl"})
        if (!_cache->LoadTemplate(name, ctemplate::DO_NOT_STRIP))
            throw std::runtime_error("template missing or does not parse: " + templatesDir + "/reports/" + name);
    _cache->Freeze();
}

PageRenderer::~PageRenderer() = default;

std::string PageRenderer::page(const ReportPage& page, const std::vector<ReportPage>& all, const SiteInfo& info) const {
    ctemplate::TemplateDictionary dict("report");
    fillInfo(dict, info);
    dict.SetValue("TITLE", page.title);
    dict.SetValue("INTRO", page.intro);
    for (const auto& other : all) {
        auto* nav = dict.AddSectionDictionary("NAV");
        nav->SetValue("FILE", other.file);
        nav->SetValue("TITLE", other.title);
        if (other.file == page.file) nav->ShowSection("CURRENT");
    }
    for (const auto& c : page.charts) fillChart(*dict.AddSectionDictionary("CHART"), c);
    for (const auto& l : page.lists) fillList(*dict.AddSectionDictionary("LIST"), l);
    return expand(*_cache, "report.tpl", dict);
}

std::string PageRenderer::index(const std::vector<ReportPage>& all, const std::vector<Figure>& figures,
                                const SiteInfo& info) const {
    ctemplate::TemplateDictionary dict("index");
    fillInfo(dict, info);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", info.seconds);
    dict.SetValue("SECONDS", seconds);
    dict.SetValue("ISSUES", std::to_string(info.issues));
    dict.SetValue("CHANGES", std::to_string(info.changes));
    for (const auto& f : figures) {
        auto* row = dict.AddSectionDictionary("FIGURE");
        row->SetValue("ID", f.id);
        row->SetValue("NAME", f.name);
        row->SetValue("VALUE", f.value);
    }
    for (const auto& p : all) {
        auto* item = dict.AddSectionDictionary("PAGE");
        item->SetValue("FILE", p.file);
        item->SetValue("TITLE", p.title);
        item->SetValue("INTRO", p.intro);
    }
    return expand(*_cache, "index.tpl", dict);
}

} // namespace ticketflow::report

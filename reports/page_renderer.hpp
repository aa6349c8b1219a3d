// Report pages and the index rendered through ctemplate (auto-escaped templates in
// web/templates/reports/).
#pragma once
#include "reports/report_pages.hpp"

#include <memory>

namespace ctemplate {
class TemplateCache;
}

namespace ticketflow::report {

/// What every page prints about the run.
struct SiteInfo {
    std::string asOf, zone, generated, chartJsVersion;
    double seconds = 0;
    std::size_t issues = 0, changes = 0;
};

struct Figure {
    std::string id, name, value;
};

class PageRenderer {
public:
    /// Loads report.tpl and index.tpl from `templatesDir`/reports into a cache of its own
    /// (the default cache may be frozen by whoever else renders in the process). Throws
    /// std::runtime_error when a template is missing or does not parse.
    explicit PageRenderer(const std::string& templatesDir);
    ~PageRenderer();
    std::string page(const ReportPage& page, const std::vector<ReportPage>& all, const SiteInfo& info) const;
    std::string index(const std::vector<ReportPage>& all, const std::vector<Figure>& figures,
                      const SiteInfo& info) const;

private:
    std::unique_ptr<ctemplate::TemplateCache> _cache;
};

} // namespace ticketflow::report

// One FastCGI worker thread's application state: its DB connection and catalog copy.
#pragma once
#include "core/app/app_config.hpp"
#include "core/app/catalog_cache.hpp"
#include "core/app/notifier.hpp"
#include "core/storage/connection.hpp"
#include "fcgi/http/fcgi_server.hpp"

#include <memory>

namespace ticketflow::web {

class RequestContext;

class AppWorker : public http::Worker {
public:
    /// Connects to the database. Throws StorageError when it is unreachable (the server
    /// retries creating the worker).
    AppWorker(const app::AppConfig& config, const app::Notifier& notifier);

    void handle(http::Request& request, http::Response& response) override;
    void renderError(int status, const std::string& message, http::Response& response) override;

private:
    storage::Connection& connection();
    /// Session cookie -> actor; CSRF check for state changes. False when the request was answered.
    bool authenticate(RequestContext& ctx, bool ownCsrfCheck);

    const app::AppConfig& _config;
    const app::Notifier& _notifier;
    std::unique_ptr<storage::Connection> _db;
    app::CatalogCache _catalog;
};

} // namespace ticketflow::web

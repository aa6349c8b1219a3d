// ticketflow-fcgi: the web front, a multi-threaded FastCGI server behind nginx.
#include "core/app/app_config.hpp"
#include "core/app/crypto.hpp"
#include "fcgi/app_worker.hpp"
#include "fcgi/http/fcgi_server.hpp"
#include "fcgi/view.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    std::string configPath;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--config" && i + 1 < argc) {
            configPath = argv[++i];
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: ticketflow-fcgi --config FILE\n"
                         "Serves the web UI on the FastCGI socket named by web.listen in FILE.\n";
            return 0;
        } else {
            std::cerr << "ticketflow-fcgi: unknown argument " << arg << " (try --help)\n";
            return 64;
        }
    }
    configPath = ticketflow::app::configPathFrom(configPath);
    try {
        ticketflow::app::initCrypto();
        const auto config = ticketflow::app::loadConfig(configPath);
        if (config.listen.empty()) throw std::runtime_error(configPath + ": web.listen is not set");
        ticketflow::web::View::loadAll(config.templatesDir);
        const ticketflow::app::Notifier notifier(config.notify);
        ticketflow::http::ServerOptions options;
        options.listen = config.listen;
        options.threads = config.threads;
        // The parser must let a file over attachments.max_size through, so the form can name it
        // (the use case refuses it); nginx's client_max_body_size caps the body before that.
        const std::size_t slack = 1u << 20;
        options.limits.maxBody = std::max<std::size_t>(options.limits.maxBody, config.attachmentMaxBytes + slack);
        options.limits.maxFileSize = options.limits.maxBody;
        options.limits.maxFiles = std::max(options.limits.maxFiles, config.attachmentMaxFiles + 1);
        ticketflow::http::FcgiServer server(options, [&config, &notifier]() -> std::unique_ptr<ticketflow::http::Worker> {
            return std::make_unique<ticketflow::web::AppWorker>(config, notifier);
        });
        return server.run();
    } catch (const std::exception& e) {
        std::cerr << "ticketflow-fcgi: " << e.what() << "\n";
        return 1;
    }
}

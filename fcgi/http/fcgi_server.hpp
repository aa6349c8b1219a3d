// FcgiServer: the FastCGI accept loop: a pool of threads, each with its own Worker, and clean shutdown.
#pragma once

#include "fcgi/http/limits.hpp"
#include "fcgi/http/request.hpp"
#include "fcgi/http/response.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <pthread.h>

namespace ticketflow::http {

/// The application side of one server thread. One Worker per thread, created and destroyed in
/// that thread, so it may own a database connection (Connector/C++ threadInit/threadEnd).
class Worker {
public:
    virtual ~Worker() = default;

    /// Answers one request. May throw anything: HttpError becomes renderError(status, message)
    /// plus the error's headers, any other exception a logged incident and
    /// renderError(500, "Internal error (incident <id>)"). Either way whatever the handler had
    /// put in the response is discarded first.
    virtual void handle(Request& request, Response& response) = 0;

    /// Fills `response` (freshly reset) with an error page for `status`; `message` is safe to
    /// show. If this throws, the server sends a plain-text page with the message instead.
    virtual void renderError(int status, const std::string& message, Response& response) = 0;
};

struct ServerOptions {
    std::string listen; ///< unix socket path, or "127.0.0.1:9000" (libfcgi "host:port" / ":port")
    int threads = 4;
    int backlog = 256;
    Limits limits;
};

/// Serves FastCGI requests until SIGTERM or SIGINT. Every connection is closed after its
/// request (libfcgi hangs with nginx's fastcgi_keep_conn, and an idle kept connection would
/// block shutdown), so do not configure fastcgi_keep_conn / upstream keepalive.
class FcgiServer {
public:
    /// `makeWorker` is called inside each server thread before it accepts; if it throws or
    /// returns null, the thread logs it and retries with backoff (1 s doubling to 30 s).
    /// Throws std::invalid_argument for an empty listen address or threads < 1.
    FcgiServer(ServerOptions options, std::function<std::unique_ptr<Worker>()> makeWorker);
    ~FcgiServer();
    FcgiServer(const FcgiServer&) = delete;
    FcgiServer& operator=(const FcgiServer&) = delete;

    /// Opens the socket (a unix socket gets mode 0666; a stale socket file is removed first),
    /// blocks SIGTERM/SIGINT/SIGPIPE/SIGUSR1/SIGHUP in the calling thread and so in all
    /// threads it starts, runs the pool, and waits in sigwait for SIGTERM/SIGINT (SIGHUP and
    /// SIGUSR1 are ignored). Then it stops accepting, lets requests in progress finish, joins
    /// the threads, removes the unix socket file, restores the signal mask and returns 0.
    /// May be called again afterwards (libfcgi's one-way FCGX_ShutdownPending is not used).
    /// Call it from the main thread before starting other threads (they would not have the
    /// signals blocked and could receive SIGTERM instead of sigwait).
    /// Throws std::runtime_error if libfcgi/libsodium cannot start or the socket cannot be
    /// opened (including: the path exists and is not a socket, or another process listens on it).
    int run();

    /// Asks a running run() to stop, as SIGTERM would (called before run(), run() returns as
    /// soon as it has started). Safe from any thread. Never throws.
    void stop() noexcept;

private:
    void openSocket(bool unixSocket);
    void waitForStopSignal();
    void threadMain() noexcept;
    std::unique_ptr<Worker> createWorker();
    bool waitUnlessStopping(std::chrono::milliseconds delay);

    ServerOptions _options;
    std::function<std::unique_ptr<Worker>()> _makeWorker;
    int _listenFd = -1;
    pthread_t _mainThread{}; // the thread in run(), which stop() signals
    std::atomic<bool> _running{false};
    std::atomic<bool> _stopping{false};
    std::mutex _mutex;
    std::condition_variable _wake;
};

} // namespace ticketflow::http

// FcgiServer: the FastCGI accept loop: a pool of threads, each with its own Worker, and clean shutdown.
#include "fcgi/http/fcgi_server.hpp"

#include "fcgi/http/fcgi_exchange.hpp"
#include "fcgi/http/server_log.hpp"

#include <fcgiapp.h>
#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <typeinfo>
#include <vector>

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace ticketflow::http {
namespace {

bool isUnixSocketPath(const std::string& listen) {
    // libfcgi reads "host:port" and ":port" as TCP; anything else is a socket path.
    std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size()) return true;
    return !std::all_of(listen.begin() + static_cast<std::ptrdiff_t>(colon) + 1, listen.end(),
                        [](char c) { return c >= '0' && c <= '9'; });
}

// libfcgi unlinks the path before binding, whatever it is; check it is only a dead socket.
void removeStaleSocket(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;
    if (!S_ISSOCK(st.st_mode)) throw std::runtime_error("cannot listen on " + path + ": exists and is not a socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) throw std::runtime_error("cannot listen on " + path + ": path too long");
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bool live = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (fd >= 0) ::close(fd);
    if (live) throw std::runtime_error("cannot listen on " + path + ": another process is listening");
    ::unlink(path.c_str());
}

sigset_t serverSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT, SIGPIPE, SIGUSR1, SIGHUP}) sigaddset(&set, sig);
    return set;
}

// The signals run() waits for; SIGPIPE stays blocked but is never waited for.
sigset_t stopSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT, SIGUSR1, SIGHUP}) sigaddset(&set, sig);
    return set;
}

} // namespace

FcgiServer::FcgiServer(ServerOptions options, std::function<std::unique_ptr<Worker>()> makeWorker)
    : _options(std::move(options)), _makeWorker(std::move(makeWorker)) {
    if (_options.listen.empty()) throw std::invalid_argument("FcgiServer: empty listen address");
    if (_options.threads < 1) throw std::invalid_argument("FcgiServer: threads must be at least 1");
    if (!_makeWorker) throw std::invalid_argument("FcgiServer: no worker factory");
}

FcgiServer::~FcgiServer() = default;

void FcgiServer::openSocket(bool unixSocket) {
    if (unixSocket) removeStaleSocket(_options.listen);
    // The socket is born with mode 0666 (bind applies the umask), so nobody can meet it
    // listening before the chmod below; run() does this before starting its threads, and the
    // umask is put back at once.
    const mode_t oldMask = unixSocket ? ::umask(0111) : 0;
    _listenFd = FCGX_OpenSocket(_options.listen.c_str(), _options.backlog);
    if (unixSocket) ::umask(oldMask);
    if (_listenFd < 0)
        throw std::runtime_error("cannot open FastCGI socket " + _options.listen + ": " + std::strerror(errno));
    // nginx workers run as another user (nobody): they must be able to connect.
    if (unixSocket && ::chmod(_options.listen.c_str(), 0666) != 0) {
        int err = errno;
        ::close(_listenFd);
        _listenFd = -1;
        ::unlink(_options.listen.c_str());
        throw std::runtime_error("cannot chmod " + _options.listen + ": " + std::strerror(err));
    }
}

void FcgiServer::waitForStopSignal() {
    const sigset_t signals = stopSignals();
    while (!_stopping) {
        int sig = 0;
        if (sigwait(&signals, &sig) == 0 && (sig == SIGTERM || sig == SIGINT))
            break; // SIGHUP, SIGUSR1: nothing to reload, keep serving
    }
}

int FcgiServer::run() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
    if (FCGX_Init() != 0) throw std::runtime_error("libfcgi initialisation failed");
    const bool unixSocket = isUnixSocketPath(_options.listen);
    openSocket(unixSocket);

    // FCGX_Init's handlers only set a flag that a thread blocked in accept never looks at, so
    // the signals are blocked everywhere (threads inherit this mask) and taken by sigwait.
    const sigset_t signals = serverSignals();
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &signals, &previous);
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _mainThread = pthread_self();
        _running = true;
    }
    std::vector<std::thread> threads;
    try {
        for (int i = 0; i < _options.threads; ++i) threads.emplace_back([this] { threadMain(); });
    } catch (const std::exception& e) {
        logLine(std::string("cannot start thread: ") + e.what());
        _stopping = true; // shut down with the threads that did start
    }
    logLine("listening on " + _options.listen + " with " + std::to_string(threads.size()) + " threads");
    waitForStopSignal();

    logLine("shutting down");
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    // Wakes the threads blocked in accept(): it fails with EINVAL on a shut-down socket, and
    // they then see _stopping. FCGX_ShutdownPending() is deliberately not called: it adds
    // nothing to _stopping but sets a process-wide flag that can never be cleared, so a
    // later run() in the same process (tests, an embedding program) would accept nothing.
    ::shutdown(_listenFd, SHUT_RDWR);
    for (std::thread& t : threads) t.join();
    ::close(_listenFd);
    _listenFd = -1;
    if (unixSocket) ::unlink(_options.listen.c_str());
    {
        std::lock_guard<std::mutex> lock(_mutex); // stop() signals only while _running
        _running = false;
        _stopping = false;
    }
    // A second SIGTERM that arrived meanwhile must not kill the caller after we return.
    const sigset_t pending = stopSignals();
    timespec zero{};
    while (sigtimedwait(&pending, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    logLine("stopped");
    return 0;
}

void FcgiServer::stop() noexcept {
    std::lock_guard<std::mutex> lock(_mutex);
    _stopping = true;
    _wake.notify_all();
    if (_running) pthread_kill(_mainThread, SIGTERM); // blocked there, so sigwait (or the final drain) takes it
}

bool FcgiServer::waitUnlessStopping(std::chrono::milliseconds delay) {
    std::unique_lock<std::mutex> lock(_mutex);
    return !_wake.wait_for(lock, delay, [this] { return _stopping.load(); });
}

std::unique_ptr<Worker> FcgiServer::createWorker() {
    std::chrono::milliseconds delay(1000);
    while (!_stopping) {
        try {
            if (std::unique_ptr<Worker> worker = _makeWorker()) return worker;
            logLine("worker factory returned null");
        } catch (const std::exception& e) {
            logLine("cannot create worker (" + typeName(typeid(e)) + "): " + e.what());
        } catch (...) {
            logLine("cannot create worker: non-standard exception");
        }
        logLine("retrying worker creation in " + std::to_string(delay.count() / 1000) + " s");
        if (!waitUnlessStopping(delay)) break;
        delay = std::min(delay * 2, std::chrono::milliseconds(30000));
    }
    return nullptr;
}

void FcgiServer::threadMain() noexcept {
    try {
        std::unique_ptr<Worker> worker = createWorker();
        if (!worker) return;
        FCGX_Request fcgi;
        if (FCGX_InitRequest(&fcgi, _listenFd, 0) != 0) {
            logLine("FCGX_InitRequest failed");
            return;
        }
        while (!_stopping) {
            if (int rc = FCGX_Accept_r(&fcgi); rc < 0) {
                if (_stopping) break;
                // libfcgi returns -errno, or -9999 when errno was not set.
                logLine(std::string("accept failed: ") + (rc > -9999 ? std::strerror(-rc) : "unknown error"));
                waitUnlessStopping(std::chrono::milliseconds(100)); // e.g. EMFILE: do not spin
                continue;
            }
            serveExchange(fcgi, *worker, _options.limits);
            fcgi.keepConnection = 0; // see the class comment: one request per connection
            FCGX_Finish_r(&fcgi);
        }
        FCGX_Free(&fcgi, 1);
    } catch (const std::exception& e) {
        logLine(std::string("server thread ended by exception: ") + e.what());
    } catch (...) {
        logLine("server thread ended by a non-standard exception");
    }
}

} // namespace ticketflow::http

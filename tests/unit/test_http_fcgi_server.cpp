// Tests of FcgiServer through a real unix socket, speaking FastCGI like nginx does.
#include "fcgi/http/fcgi_server.hpp"
#include "fcgi/http/http_error.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ticketflow::http;

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// A FastCGI responder client: one request per connection, as nginx without keep_conn.
class FcgiClient {
public:
    static int connectTo(const std::string& path) {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
        int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd);
            return -1;
        }
        timeval tv{10, 0}; // a hung server fails the test instead of hanging it
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        return fd;
    }

    // Returns the CGI response (stdout records), or "<error>" on a protocol or I/O failure.
    static std::string request(const std::string& path, const Params& params, const std::string& body) {
        int fd = connectTo(path);
        if (fd < 0) return "<error>";
        std::string out;
        record(out, 1, std::string("\0\1\0\0\0\0\0\0", 8)); // BEGIN_REQUEST, responder, no keep-alive
        std::string p;
        for (const auto& [name, value] : params) p += length(name.size()) + length(value.size()) + name + value;
        chunks(out, 4, p);
        chunks(out, 5, body);
        bool sent = writeAll(fd, out);
        std::string response = sent ? readResponse(fd) : "<error>";
        ::close(fd);
        return response;
    }

private:
    static std::string length(std::size_t n) {
        if (n < 128) return std::string(1, static_cast<char>(n));
        return {static_cast<char>(0x80 | (n >> 24)), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
                static_cast<char>(n)};
    }

    static void record(std::string& out, int type, const std::string& content) {
        out += {1,
                static_cast<char>(type),
                0,
                1,
                static_cast<char>(content.size() >> 8),
                static_cast<char>(content.size() & 0xFF),
                0,
                0};
        out += content;
    }

    static void chunks(std::string& out, int type, const std::string& data) {
        for (std::size_t pos = 0; pos < data.size(); pos += 65535) record(out, type, data.substr(pos, 65535));
        record(out, type, {}); // end of stream
    }

    static bool writeAll(int fd, const std::string& s) {
        for (std::size_t pos = 0; pos < s.size();) {
            ssize_t n = ::send(fd, s.data() + pos, s.size() - pos, MSG_NOSIGNAL);
            if (n <= 0) return false;
            pos += static_cast<std::size_t>(n);
        }
        return true;
    }

    static bool readExactly(int fd, char* buf, std::size_t n) {
        for (std::size_t got = 0; got < n;) {
            ssize_t r = ::recv(fd, buf + got, n - got, 0);
            if (r <= 0) return false;
            got += static_cast<std::size_t>(r);
        }
        return true;
    }

    static std::string readResponse(int fd) {
        std::string stdoutData;
        for (;;) {
            unsigned char h[8];
            if (!readExactly(fd, reinterpret_cast<char*>(h), 8)) return "<error>";
            std::size_t len = (h[4] << 8) | h[5], pad = h[6];
            std::string content(len + pad, '\0');
            if (!readExactly(fd, content.data(), content.size())) return "<error>";
            if (h[1] == 6)
                stdoutData += content.substr(0, len);
            else if (h[1] == 3)
                return stdoutData;
        }
    }
};

// "error: Internal error (incident <16 hex digits>)" in the body.
bool hasIncidentMessage(const std::string& response) {
    const std::string prefix = "error: Internal error (incident ";
    std::size_t at = response.find(prefix);
    if (at == std::string::npos || response.size() < at + prefix.size() + 17) return false;
    std::string id = response.substr(at + prefix.size(), 16);
    return id.find_first_not_of("0123456789abcdef") == std::string::npos && response[at + prefix.size() + 16] == ')';
}

Params get(const std::string& uri) {
    return {{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", uri}, {"REMOTE_ADDR", "127.0.0.1"}};
}

struct Counters {
    std::mutex mutex;
    std::set<std::thread::id> createdIn, destroyedIn;
    std::atomic<int> factoryCalls{0};
};

class EchoWorker : public Worker {
public:
    explicit EchoWorker(Counters& c) : _c(c) {
        std::lock_guard<std::mutex> lock(_c.mutex);
        _c.createdIn.insert(std::this_thread::get_id());
    }
    ~EchoWorker() override {
        std::lock_guard<std::mutex> lock(_c.mutex);
        _c.destroyedIn.insert(std::this_thread::get_id());
    }
    void handle(Request& req, Response& res) override {
        if (req.path == "/notfound") {
            res.setHeader("X-Discarded", "1");
            throw HttpError(404, "no such page");
        }
        if (req.path == "/readonly")
            throw HttpError(405, "method not allowed").withHeader("Allow", "GET, HEAD").withHeader("X-Bad", "a\r\nb");
        if (req.path == "/boom") throw std::runtime_error("database exploded");
        if (req.path == "/slow") std::this_thread::sleep_for(std::chrono::milliseconds(300));
        res.setHeader("Content-Type", "text/plain");
        res.body = req.method + " " + req.path + " q=" + req.param("q") + " f=" + req.param("f") +
                   " body=" + std::to_string(req.body.size());
    }
    void renderError(int status, const std::string& message, Response& res) override {
        res.status = status;
        res.setHeader("Content-Type", "text/plain");
        res.body = "error: " + message;
    }

private:
    Counters& _c;
};

std::string tempDir() {
    char tmpl[] = "/tmp/tf-http-test-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(tmpl) != nullptr);
    return tmpl;
}

// Runs `server.run()` in this thread and `client(socketPath)` in another; the client ends the
// server with SIGTERM to the process (or stop()). Signals are blocked first so that only
// run()'s sigwait can take them, as in the real program's main thread.
int runWithClient(FcgiServer& server, const std::string& socket, const std::function<void()>& client, bool useSigterm) {
    sigset_t set, old;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT, SIGPIPE, SIGUSR1, SIGHUP}) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    std::atomic<bool> returned{false}, sigtermIgnored{false};
    std::thread t([&] {
        for (int i = 0; i < 500; ++i) { // wait up to 5 s for the socket
            int fd = FcgiClient::connectTo(socket);
            if (fd >= 0) {
                ::close(fd);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        try {
            client();
        } catch (...) {
        }
        if (!useSigterm) {
            server.stop();
            return;
        }
        ::kill(::getpid(), SIGTERM);
        // Should another thread swallow the signal, fail the test rather than hang it.
        for (int i = 0; i < 1000 && !returned; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (!returned) {
            sigtermIgnored = true;
            server.stop();
        }
    });
    int rc = -1;
    try {
        rc = server.run();
    } catch (...) {
        returned = true;
        t.join();
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
        throw;
    }
    returned = true;
    t.join();
    BOOST_TEST(!sigtermIgnored, "run() did not return on SIGTERM");
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return rc;
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_fcgi_server)

BOOST_AUTO_TEST_CASE(serves_requests_and_exits_on_sigterm_with_threads_in_accept) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    Counters counters;
    ServerOptions options;
    options.listen = socket;
    options.threads = 3;
    options.limits.maxBody = 1000;
    FcgiServer server(options, [&] {
        ++counters.factoryCalls;
        return std::make_unique<EchoWorker>(counters);
    });

    std::string ok, head, post, notFound, readOnly, boom, tooLarge, badForm;
    mode_t mode = 0;
    auto client = [&] {
        struct stat st {};
        if (::stat(socket.c_str(), &st) == 0) mode = st.st_mode & 0777;
        ok = FcgiClient::request(socket, get("/issues/%C3%A9?q=1"), "");
        Params h = get("/x");
        h[0].second = "HEAD";
        head = FcgiClient::request(socket, h, "");
        Params p = get("/form");
        p[0].second = "POST";
        p.push_back({"CONTENT_TYPE", "application/x-www-form-urlencoded"});
        p.push_back({"CONTENT_LENGTH", "5"});
        post = FcgiClient::request(socket, p, "f=abc");
        notFound = FcgiClient::request(socket, get("/notfound"), "");
        readOnly = FcgiClient::request(socket, get("/readonly"), "");
        boom = FcgiClient::request(socket, get("/boom"), "");
        Params big = p;
        big.back().second = "1000000";
        tooLarge = FcgiClient::request(socket, big, std::string(5000, 'x'));
        Params bad = p;
        badForm = FcgiClient::request(socket, bad, "f=%FF");
    };
    auto start = std::chrono::steady_clock::now();
    BOOST_TEST(runWithClient(server, socket, client, true) == 0);
    auto elapsed = std::chrono::steady_clock::now() - start;

    BOOST_TEST(mode == 0666u);
    BOOST_TEST(ok.rfind("Status: 200 OK\r\n", 0) == 0, ok);
    BOOST_TEST(ok.find("\r\n\r\nGET /issues/\xC3\xA9 q=1 f= body=0") != std::string::npos, ok);
    BOOST_TEST(ok.find("X-Frame-Options: DENY\r\n") != std::string::npos, ok);
    BOOST_TEST(ok.find("Content-Security-Policy: default-src 'self'") != std::string::npos, ok);
    BOOST_TEST(head.find("Content-Length: ") != std::string::npos, head);
    BOOST_TEST(head.substr(head.size() - 4) == "\r\n\r\n", head);
    BOOST_TEST(post.find("POST /form q= f=abc body=5") != std::string::npos, post);
    BOOST_TEST(notFound.rfind("Status: 404 Not Found\r\n", 0) == 0, notFound);
    BOOST_TEST(notFound.find("error: no such page") != std::string::npos, notFound);
    BOOST_TEST(notFound.find("X-Discarded") == std::string::npos, notFound);
    BOOST_TEST(readOnly.rfind("Status: 405 Method Not Allowed\r\n", 0) == 0, readOnly);
    BOOST_TEST(readOnly.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos, readOnly);
    BOOST_TEST(readOnly.find("X-Bad") == std::string::npos, readOnly);
    BOOST_TEST(boom.rfind("Status: 500 ", 0) == 0, boom);
    BOOST_TEST(hasIncidentMessage(boom), boom);
    BOOST_TEST(boom.find("exploded") == std::string::npos, "internals leaked: " << boom);
    BOOST_TEST(tooLarge.rfind("Status: 413 ", 0) == 0, tooLarge);
    BOOST_TEST(badForm.rfind("Status: 400 ", 0) == 0, badForm);
    BOOST_TEST(badForm.find("not valid UTF-8") != std::string::npos, badForm);

    BOOST_TEST(::access(socket.c_str(), F_OK) != 0, "socket file removed on exit");
    BOOST_TEST(counters.factoryCalls == 3);
    BOOST_TEST(counters.createdIn.size() == 3u);
    BOOST_TEST(counters.createdIn.count(std::this_thread::get_id()) == 0u);
    BOOST_TEST((counters.createdIn == counters.destroyedIn), "each worker destroyed in its own thread");
    BOOST_TEST(elapsed < std::chrono::seconds(10));
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(stop_waits_for_requests_in_progress) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    Counters counters;
    FcgiServer server(ServerOptions{socket, 2, 16, Limits{}}, [&] { return std::make_unique<EchoWorker>(counters); });
    std::string slow;
    std::thread* slowClient = nullptr;
    auto client = [&] {
        slowClient = new std::thread([&] { slow = FcgiClient::request(socket, get("/slow"), ""); });
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the request is being handled
    };
    BOOST_TEST(runWithClient(server, socket, client, false) == 0);
    slowClient->join();
    delete slowClient;
    BOOST_TEST(slow.find("GET /slow") != std::string::npos, slow);
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(failing_worker_factory_is_retried_instead_of_killing_the_thread) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    Counters counters;
    FcgiServer server(ServerOptions{socket, 1, 16, Limits{}}, [&]() -> std::unique_ptr<Worker> {
        if (++counters.factoryCalls == 1) throw std::runtime_error("database is down");
        return std::make_unique<EchoWorker>(counters);
    });
    std::string answer;
    auto client = [&] { answer = FcgiClient::request(socket, get("/after-retry"), ""); };
    BOOST_TEST(runWithClient(server, socket, client, false) == 0);
    BOOST_TEST(counters.factoryCalls == 2);
    BOOST_TEST(answer.find("GET /after-retry") != std::string::npos, answer);
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(stale_socket_file_is_replaced) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0); // bound, never listening, then closed: stale
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socket.c_str(), sizeof addr.sun_path - 1);
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    ::close(fd);
    Counters counters;
    FcgiServer server(ServerOptions{socket, 1, 16, Limits{}}, [&] { return std::make_unique<EchoWorker>(counters); });
    std::string answer;
    auto client = [&] { answer = FcgiClient::request(socket, get("/"), ""); };
    BOOST_TEST(runWithClient(server, socket, client, false) == 0);
    BOOST_TEST(answer.rfind("Status: 200 OK", 0) == 0, answer);
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(run_can_be_called_again_after_a_stop) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    Counters counters;
    FcgiServer server(ServerOptions{socket, 2, 16, Limits{}}, [&] { return std::make_unique<EchoWorker>(counters); });
    std::string first, second;
    BOOST_TEST(runWithClient(
                   server, socket, [&] { first = FcgiClient::request(socket, get("/one"), ""); }, false) == 0);
    BOOST_TEST(runWithClient(
                   server, socket, [&] { second = FcgiClient::request(socket, get("/two"), ""); }, true) == 0);
    BOOST_TEST(first.find("GET /one") != std::string::npos, first);
    BOOST_TEST(second.find("GET /two") != std::string::npos, second);
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(stop_before_run_makes_run_return_at_once) {
    std::string dir = tempDir();
    std::string socket = dir + "/app.sock";
    Counters counters;
    FcgiServer server(ServerOptions{socket, 2, 16, Limits{}}, [&] { return std::make_unique<EchoWorker>(counters); });
    server.stop();
    BOOST_TEST(server.run() == 0);
    BOOST_TEST(::access(socket.c_str(), F_OK) != 0);
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(path_that_is_not_a_socket_is_refused_and_left_alone) {
    std::string dir = tempDir();
    std::string path = dir + "/important.txt";
    std::ofstream(path) << "keep me";
    Counters counters;
    FcgiServer server(ServerOptions{path, 1, 16, Limits{}}, [&] { return std::make_unique<EchoWorker>(counters); });
    BOOST_CHECK_THROW(server.run(), std::runtime_error);
    std::ifstream in(path);
    std::string content;
    std::getline(in, content);
    BOOST_TEST(content == "keep me");
    ::unlink(path.c_str());
    ::rmdir(dir.c_str());
}

BOOST_AUTO_TEST_CASE(invalid_options_are_rejected) {
    auto factory = []() -> std::unique_ptr<Worker> { return nullptr; };
    BOOST_CHECK_THROW(FcgiServer(ServerOptions{"", 1, 16, Limits{}}, factory), std::invalid_argument);
    BOOST_CHECK_THROW(FcgiServer(ServerOptions{"/tmp/x.sock", 0, 16, Limits{}}, factory), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

// The poller's end of [intake] deliver_socket: messages from `ticketflow-mail deliver` stored on
// the poller's own database connection (mail/deliver_protocol.hpp).
#pragma once
#include "mail/intake_runtime.hpp"

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <ostream>

namespace ticketflow::mail_tool {

class DeliverServer {
public:
    /// Listens on runtime.intake.deliverSocket (mode 0660, replacing a stale socket file).
    /// Throws std::exception or Poco::Exception when it cannot.
    DeliverServer(const IntakeRuntime& runtime, std::ostream& log);
    ~DeliverServer(); ///< removes the socket file
    DeliverServer(const DeliverServer&) = delete;
    DeliverServer& operator=(const DeliverServer&) = delete;

    /// Stores each message it is handed, one connection at a time, until `stop`.
    void run(const std::atomic<bool>& stop);

private:
    const IntakeRuntime& _runtime;
    std::ostream& _log;
    Poco::Net::ServerSocket _server;
};

} // namespace ticketflow::mail_tool

// The TLS client context for POP3S, SMTP STARTTLS and HTTPS (the Redmine import).
#include "core/app/tls_client.hpp"

#include <Poco/Net/AcceptCertificateHandler.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>

#include <mutex>

namespace ticketflow::app {

Poco::Net::Context::Ptr tlsClientContext(const std::string& caFile, bool verify) {
    static std::once_flag sslReady;
    std::call_once(sslReady, [] { Poco::Net::initializeSSL(); });
    const auto mode = verify ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile, mode, 9, caFile.empty());
    Poco::SharedPtr<Poco::Net::InvalidCertificateHandler> handler =
        verify ? static_cast<Poco::Net::InvalidCertificateHandler*>(new Poco::Net::RejectCertificateHandler(false))
               : new Poco::Net::AcceptCertificateHandler(false);
    Poco::Net::SSLManager::instance().initializeClient(nullptr, handler, context);
    return context;
}

} // namespace ticketflow::app

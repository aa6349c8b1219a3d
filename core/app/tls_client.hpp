// The TLS client context for POP3S, SMTP STARTTLS and HTTPS (the Redmine import): the
// system's CAs or one CA file, a certificate that does not verify refused, never asked about.
#pragma once
#include <Poco/Net/Context.h>

#include <string>

namespace ticketflow::app {

/// Initialises Poco's SSL once per process. `verify` false accepts any certificate (a test
/// server on loopback; never the default).
Poco::Net::Context::Ptr tlsClientContext(const std::string& caFile, bool verify);

} // namespace ticketflow::app

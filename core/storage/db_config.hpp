// Where the database is and who we are to it.
#pragma once
#include <string>

namespace ticketflow::storage {

struct DbConfig {
    std::string socket; ///< Unix socket path; when empty, host and port are used.
    std::string host = "127.0.0.1";
    int port = 3306;
    std::string user;
    std::string password;
    std::string name; ///< Database (schema) name; may be empty for server-level work.
};

} // namespace ticketflow::storage

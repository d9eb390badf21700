// Escaping outside input for the server log: a value from a request or another server (a path,
// a method, an address, an error message that quotes input) is written so that it stays one field
// on one line, and a terminal showing the log runs no escape sequence and reorders no text.
#pragma once

#include <string>
#include <string_view>

namespace andel {

// `text` with every byte that could break a `key=value` log line or act on a terminal written as
// \xHH: control characters (C0, DEL, and C1 as UTF-8), space, backslash and the double quote,
// bytes that are not UTF-8, and invisible or direction-changing characters (bidi overrides and
// isolates, zero-width characters, line and paragraph separators, the byte order mark). Printable
// ASCII and other UTF-8 letters stay as they are, so the log remains readable and greppable.
// An empty value is written as "-".
std::string LogField(std::string_view text);

// The same for free text at the end of a line (an error message, an address): spaces stay
// spaces, and an empty value stays empty.
std::string LogText(std::string_view text);

}  // namespace andel

// Outside values (addresses, names, replies of other servers) made safe to write into a line of
// the server log: nothing in them can end the line, forge another, or drive a terminal.
#pragma once

#include <string>
#include <string_view>

namespace andel {

// `text` with every control character (C0, DEL, C1), bidirectional control, line or paragraph
// separator (U+2028, U+2029) and backslash written as an escape (\n, \r, \t, \\, \xHH,
// \u{HHHH}), and every byte that is not part of valid UTF-8 as \xHH. Other text is unchanged.
std::string LogText(std::string_view text);

}  // namespace andel

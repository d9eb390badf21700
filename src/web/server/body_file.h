// A large request body kept out of memory: the server writes it to an unlinked temporary file
// as it arrives, and the handler reads it through a read-only memory map, so a 100 MB import
// costs page cache (which the kernel can drop) rather than heap, and nothing is left on disk
// when the request ends or the process dies.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::web {

class BodyFile {
 public:
  // A new, empty, already unlinked file in `directory` (empty: the system's temporary directory).
  static Result<std::unique_ptr<BodyFile>> Create(const std::string& directory);
  ~BodyFile();
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;

  // The file's descriptor, for the writer (which takes its own duplicate).
  int descriptor() const { return descriptor_; }
  // Maps everything written so far; call once, after the body is complete.
  Status Map();
  // The mapped body (empty before Map()); valid while this object lives.
  std::string_view Text() const { return {data_, size_}; }

 private:
  explicit BodyFile(int descriptor) : descriptor_(descriptor) {}
  int descriptor_ = -1;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace andel::web

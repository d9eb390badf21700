// Unlinked temporary files for request bodies: O_TMPFILE where the file system has it (never a
// name on disk), otherwise mkstemp and an immediate unlink.
#include "web/server/body_file.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/log_text.h"

namespace andel::web {

Result<std::unique_ptr<BodyFile>> BodyFile::Create(const std::string& directory) {
  std::error_code ec;
  const std::string dir =
      directory.empty() ? std::filesystem::temp_directory_path(ec).string() : directory;
  if (dir.empty()) return Error::Unavailable("no directory for request bodies", "body");
#ifdef O_TMPFILE
  const int descriptor = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (descriptor >= 0) return std::unique_ptr<BodyFile>(new BodyFile(descriptor));
#endif
  std::string pattern = dir + "/andel-body-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fallback = mkostemp(name.data(), O_CLOEXEC);
  if (fallback < 0) {
    spdlog::error("cannot create a file for a request body in {}: {}", LogText(dir),
                  std::strerror(errno));
    return Error::Unavailable("cannot create a file for the request body", "body");
  }
  unlink(name.data());
  return std::unique_ptr<BodyFile>(new BodyFile(fallback));
}

BodyFile::~BodyFile() {
  if (data_) munmap(const_cast<char*>(data_), size_);
  if (descriptor_ >= 0) close(descriptor_);
}

Status BodyFile::Map() {
  struct stat status {};
  if (fstat(descriptor_, &status) != 0) {
    return Error::Unavailable("cannot read the stored request body", "body");
  }
  size_ = static_cast<size_t>(status.st_size);
  if (size_ == 0) return {};
  void* mapped = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, descriptor_, 0);
  if (mapped == MAP_FAILED) {
    size_ = 0;
    return Error::Unavailable("cannot map the stored request body", "body");
  }
  madvise(mapped, size_, MADV_SEQUENTIAL);
  data_ = static_cast<const char*>(mapped);
  return {};
}

}  // namespace andel::web

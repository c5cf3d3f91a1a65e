// bmm — io/output: files written whole or not at all, directories exported whole or not at all,
// and standard output that reports a failed write. POSIX only (Linux — Debian is the target —,
// the BSDs, macOS): it uses open(2) with O_EXCL, fsync(2) and rename(2).
//
//   bmm::write_file("bmm-dashboard.html", page);   // PATH.part, fsync, rename, fsync the folder
//   bmm::directory_writer out("data");              // builds data.part
//   out.write("measures.csv", text);                // ... each file whole, fsync'd
//   out.commit();                                   // data.part renamed to data
//   std::fputs(report.c_str(), stdout);
//   bmm::flush_output(stdout, "standard output");   // io_error for a failed write (>/dev/full)
//
// The rules, so that bmm never removes or replaces a file or folder it did not create:
// - a target is a regular file (or a directory, for directory_writer) or does not exist yet: a
//   device (/dev/null), a FIFO, a socket, a symbolic link (wherever it points) or a file of the
//   other kind is refused with an io_error naming it;
// - the temporary PATH.part (DIR.part) is created exclusively (O_CREAT | O_EXCL, mkdir): if it
//   exists it is refused and left as it is — it may be another run's, or the user's;
// - the contents are written in full and fsync'd before the rename, and the folder holding the
//   target is fsync'd after it, so that a crash leaves the old file or the new one, never a part;
// - on any failure what bmm created (the .part file, DIR.part and the files it wrote there) is
//   removed and the target is as it was.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "../error.hpp"

namespace bmm {

namespace detail {

/// Returns: the system's reason for errno value e ("No space left on device").
[[nodiscard]] inline std::string system_reason(int e) {
    return std::error_code(e, std::generic_category()).message();
}
[[noreturn]] inline void io_failure(const std::string& what, const std::string& path, int e) {
    throw io_error(what + ": " + system_reason(e), path, e);
}

/// What kind of file st is, for a message ("a FIFO").
[[nodiscard]] inline const char* file_kind(const struct stat& st) noexcept {
    if (S_ISDIR(st.st_mode)) return "a directory";
    if (S_ISLNK(st.st_mode)) return "a symbolic link";
    if (S_ISFIFO(st.st_mode)) return "a FIFO";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
    return "not a regular file";
}

/// Throws: io_error unless `path` does not exist or is of the kind wanted (a regular file, or a
/// directory when `directory`); never follows a symbolic link.
inline void check_target(const std::string& path, bool directory) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        const int e = errno;
        if (e == ENOENT || e == ENOTDIR) return;  // absent (creating it will say why it cannot)
        io_failure("cannot examine " + path, path, e);
    }
    const bool ok = directory ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
    if (!ok) {
        throw io_error(path + " is " + file_kind(st) + ": bmm writes " +
                           (directory ? "a directory" : "only a regular file") +
                           " there, and never replaces anything else",
                       path);
    }
}

/// The folder that holds `path` ("." for a bare name).
[[nodiscard]] inline std::string parent_folder(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

/// fsyncs a folder, so that a rename in it is durable. Returns: 0, or the errno of the failure
/// (EINVAL, from file systems that cannot sync a folder, is no failure).
[[nodiscard]] inline int sync_folder(const std::string& folder) noexcept {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    int e = ::fsync(fd) == 0 ? 0 : errno;
    if (e == EINVAL) e = 0;
    ::close(fd);
    return e;
}

/// Creates `path` exclusively (never an existing file, nor through a symbolic link), writes
/// `contents` whole and fsyncs it. Throws: io_error naming the path; on a failure after the
/// file was created, it is removed first.
inline void create_whole(const std::string& path, std::string_view contents) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int e = errno;
        if (e == EEXIST) {
            throw io_error(path +
                               " already exists (another run's, or yours): bmm never removes a "
                               "file it did not create; remove it, then run again",
                           path, e);
        }
        io_failure("cannot create " + path, path, e);
    }
    auto fail = [&](const char* what) {
        const int e = errno;
        ::close(fd);
        ::unlink(path.c_str());
        io_failure(what + path, path, e);
    };
    const char* p = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ::ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write ");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail("cannot sync ");
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(path.c_str());
        io_failure("cannot write " + path, path, e);
    }
}

}  // namespace detail

/// Writes `contents` to the file `path`, whole or not at all (see the rules at the top): into
/// PATH.part, created exclusively, fsync'd, then renamed onto PATH (which is replaced only if it
/// is a regular file), and PATH's folder fsync'd.
/// Throws: io_error naming the path and the system's reason: PATH is not a regular file, PATH.part
/// exists (left untouched), or creating, writing, syncing or renaming fails (PATH.part removed,
/// PATH unchanged).
inline void write_file(const std::string& path, std::string_view contents) {
    detail::check_target(path, false);
    const std::string part = path + ".part";
    detail::create_whole(part, contents);
    try {
        detail::check_target(path, false);  // again, just before the rename
    } catch (...) {
        ::unlink(part.c_str());
        throw;
    }
    if (::rename(part.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(part.c_str());
        detail::io_failure("cannot rename " + part + " to " + path, path, e);
    }
    if (const int e = detail::sync_folder(detail::parent_folder(path))) {
        detail::io_failure(path + " is written but its folder cannot be synced", path, e);
    }
}

/// A directory exported whole or not at all: built as DIR.part (created exclusively), each file
/// written whole and fsync'd, then renamed to DIR by commit(). DIR must not exist, or be an empty
/// directory (which the export then replaces). Without commit(), the destructor removes what the
/// writer created — its files and DIR.part — and nothing else.
class directory_writer {
public:
    /// Starts the export to `dir`.
    /// Throws: io_error naming the path when DIR exists and is not an empty directory (or is a
    /// symbolic link), when DIR.part exists (left untouched), or when it cannot be created.
    explicit directory_writer(std::string dir) : dir_(std::move(dir)) {
        while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
        detail::check_target(dir_, true);
        if (!empty_or_absent(dir_)) {
            throw io_error(dir_ +
                               " exists and is not an empty directory: the export writes a new "
                               "directory, all files or none",
                           dir_);
        }
        part_ = dir_ + ".part";
        if (::mkdir(part_.c_str(), 0777) != 0) {
            const int e = errno;
            if (e == EEXIST) {
                throw io_error(part_ +
                                   " already exists (another run's, or yours): bmm never removes "
                                   "a folder it did not create; remove it, then run again",
                               part_, e);
            }
            detail::io_failure("cannot create " + part_, part_, e);
        }
    }
    directory_writer(const directory_writer&) = delete;
    directory_writer& operator=(const directory_writer&) = delete;
    /// Removes what the writer created unless commit() succeeded.
    ~directory_writer() { discard(); }

    /// Writes the file `name` (a plain file name: no '/', not "." or "..") into the export, whole.
    /// Throws: invalid_argument for another name; io_error naming the path as write_file.
    void write(std::string_view name, std::string_view contents) {
        if (name.empty() || name == "." || name == ".." ||
            name.find('/') != std::string_view::npos || name.find('\0') != std::string_view::npos) {
            throw invalid_argument(
                "directory_writer: " + detail::quoted(name) + " is not a plain file name", name);
        }
        const std::string path = part_ + "/" + std::string(name);
        files_.reserve(files_.size() + 1);
        detail::create_whole(path, contents);
        files_.push_back(path);
    }
    /// Renames DIR.part to DIR (the export is then complete) and fsyncs the folders.
    /// Throws: io_error naming the path (the export is then removed, DIR unchanged).
    void commit() {
        if (const int e = detail::sync_folder(part_)) {
            discard();
            detail::io_failure("cannot sync " + part_, part_, e);
        }
        if (::rename(part_.c_str(), dir_.c_str()) != 0) {
            const int e = errno;
            discard();
            detail::io_failure("cannot rename " + part_ + " to " + dir_, dir_, e);
        }
        committed_ = true;
        if (const int e = detail::sync_folder(detail::parent_folder(dir_))) {
            detail::io_failure(dir_ + " is written but its folder cannot be synced", dir_, e);
        }
    }

private:
    static bool empty_or_absent(const std::string& dir) {
        DIR* d = ::opendir(dir.c_str());
        if (d == nullptr) return errno == ENOENT || errno == ENOTDIR;
        bool empty = true;
        while (const dirent* e = ::readdir(d)) {
            const std::string_view n = e->d_name;
            if (n != "." && n != "..") {
                empty = false;
                break;
            }
        }
        ::closedir(d);
        return empty;
    }
    void discard() noexcept {
        if (committed_ || part_.empty()) return;
        for (const std::string& f : files_) ::unlink(f.c_str());
        files_.clear();
        ::rmdir(part_.c_str());  // only if empty: a file bmm did not write stays, and so does it
        part_.clear();
    }

    std::string dir_, part_;
    std::vector<std::string> files_;
    bool committed_ = false;
};

/// Flushes `stream` and checks that every write to it succeeded (a full disk, a closed pipe,
/// >/dev/full), so that a tool does not exit 0 having lost its output.
/// Throws: io_error "cannot write <name>: <reason>".
inline void flush_output(std::FILE* stream, std::string_view name) {
    errno = 0;
    const bool flushed = std::fflush(stream) == 0;
    const int e = errno;
    if (flushed && std::ferror(stream) == 0) return;
    throw io_error(
        "cannot write " + std::string(name) + (e != 0 ? ": " + detail::system_reason(e) : ""), name,
        e);
}

}  // namespace bmm

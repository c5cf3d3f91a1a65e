// Spec: bmm/io/output.hpp — files and directories written whole or not at all, never replacing
// what bmm did not create, and standard output that reports a failed write.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bmm/io/output.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

// The durability order, observed: this program's fsync and rename are these, which log each call
// (a file or a folder synced, a rename) and then make the system call.
namespace {
std::vector<std::string> durability_log;
}  // namespace
extern "C" int fsync(int fd) {
    struct stat st {};
    ::fstat(fd, &st);
    durability_log.push_back(S_ISDIR(st.st_mode) ? "fsync folder" : "fsync file");
    return static_cast<int>(::syscall(SYS_fsync, fd));
}
extern "C" int rename(const char* from, const char* to) noexcept {
    durability_log.push_back("rename");
    return static_cast<int>(::syscall(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to));
}

namespace {

/// A fresh directory for one test case, removed (with what the test made in it) at the end.
struct scratch {
    std::string path;
    scratch() {
        char name[] = "/tmp/bmm_io_output_XXXXXX";
        REQUIRE(::mkdtemp(name) != nullptr);
        path = name;
    }
    ~scratch() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    [[nodiscard]] std::string operator/(const std::string& name) const { return path + "/" + name; }
};

std::string contents(const std::string& path) {
    std::string out;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return "<cannot open>";
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return out;
}

void put(const std::string& path, const std::string& text) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fputs(text.c_str(), f);
    std::fclose(f);
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

/// The io_error `f` throws (its what()), or "no io_error".
template <class F>
std::string io_error_of(F f) {
    try {
        f();
    } catch (const bmm::io_error& e) {
        return e.what();
    }
    return "no io_error";
}

}  // namespace

TEST_SUITE("io/output") {
    TEST_CASE("write_file writes a new file whole, replaces a regular one and leaves no .part") {
        const scratch dir;
        const std::string page = dir / "page.html";
        bmm::write_file(page, "first\n");
        CHECK(contents(page) == "first\n");
        bmm::write_file(page, std::string(100'000, 'x'));
        CHECK(contents(page) == std::string(100'000, 'x'));
        CHECK_FALSE(exists(page + ".part"));
        const std::string nul("a\0b", 3);
        bmm::write_file(page, nul);
        CHECK(contents(page) == nul);
    }

    TEST_CASE("write_file refuses a FIFO, a symbolic link, a device and a directory, untouched") {
        const scratch dir;
        const std::string fifo = dir / "fifo", link = dir / "link", target = dir / "target";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        put(target, "mine\n");
        REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
        const std::string folder = dir / "folder";
        REQUIRE(::mkdir(folder.c_str(), 0700) == 0);
        CHECK(io_error_of([&] { bmm::write_file(fifo, "x"); }) ==
              "bmm: " + fifo +
                  " is a FIFO: bmm writes only a regular file there, and never replaces anything "
                  "else");
        CHECK(io_error_of([&] { bmm::write_file(link, "x"); }).find(link + " is a symbolic link") !=
              std::string::npos);
        CHECK(io_error_of([] {
                  bmm::write_file("/dev/null", "x");
              }).find("/dev/null is a device") != std::string::npos);
        CHECK(io_error_of([&] { bmm::write_file(folder, "x"); }).find(folder + " is a directory") !=
              std::string::npos);
        struct stat st {};
        REQUIRE(::lstat(fifo.c_str(), &st) == 0);
        CHECK(S_ISFIFO(st.st_mode));
        REQUIRE(::lstat(link.c_str(), &st) == 0);
        CHECK(S_ISLNK(st.st_mode));
        CHECK(contents(target) == "mine\n");
        REQUIRE(::stat("/dev/null", &st) == 0);
        CHECK(S_ISCHR(st.st_mode));
        for (const std::string& p : {fifo, link, folder}) CHECK_FALSE(exists(p + ".part"));
    }

    TEST_CASE("write_file leaves an existing PATH.part untouched and writes nothing") {
        const scratch dir;
        const std::string page = dir / "page.html";
        put(page + ".part", "the user's notes\n");
        const std::string message = io_error_of([&] { bmm::write_file(page, "new\n"); });
        CHECK(message.find(page + ".part already exists") != std::string::npos);
        CHECK(contents(page + ".part") == "the user's notes\n");
        CHECK_FALSE(exists(page));
        // A symbolic link named PATH.part is not followed either.
        const std::string other = dir / "other";
        put(other, "keep\n");
        REQUIRE(::symlink(other.c_str(), (dir / "b.html.part").c_str()) == 0);
        CHECK(io_error_of([&] { bmm::write_file(dir / "b.html", "x"); }) != "no io_error");
        CHECK(contents(other) == "keep\n");
    }

    TEST_CASE("a file that cannot be created is an io_error with the system's reason") {
        const scratch dir;
        const std::string path = dir / "missing/page.html";
        try {
            bmm::write_file(path, "x");
            FAIL("no io_error");
        } catch (const bmm::io_error& e) {
            CHECK(std::string(e.what()) ==
                  "bmm: cannot create " + path + ".part: No such file or directory");
            CHECK(e.system_error() == ENOENT);
            CHECK(e.input() == path + ".part");
            CHECK(e.code() == bmm::errc::io);
        }
    }

    TEST_CASE("directory_writer builds DIR.part and renames it to DIR on commit") {
        const scratch dir;
        const std::string out = dir / "data";
        {
            bmm::directory_writer w(out);
            w.write("a.csv", "x,y\n1,2\n");
            w.write("b.csv", "z\n");
            CHECK(exists(out + ".part"));
            CHECK_FALSE(exists(out));
            w.commit();
        }
        CHECK(contents(out + "/a.csv") == "x,y\n1,2\n");
        CHECK(contents(out + "/b.csv") == "z\n");
        CHECK_FALSE(exists(out + ".part"));
        // Into an empty directory (it is replaced), and with a trailing slash.
        const std::string empty = dir / "empty";
        REQUIRE(::mkdir(empty.c_str(), 0700) == 0);
        bmm::directory_writer w(empty + "/");
        w.write("c.csv", "c\n");
        w.commit();
        CHECK(contents(empty + "/c.csv") == "c\n");
    }

    TEST_CASE("directory_writer leaves an existing DIR.part and its files untouched") {
        const scratch dir;
        const std::string out = dir / "data";
        REQUIRE(::mkdir((out + ".part").c_str(), 0700) == 0);
        put(out + ".part/keep.txt", "mine\n");
        const std::string message = io_error_of([&] { bmm::directory_writer w(out); });
        CHECK(message.find(out + ".part already exists") != std::string::npos);
        CHECK(contents(out + ".part/keep.txt") == "mine\n");
        CHECK_FALSE(exists(out));
    }

    TEST_CASE(
        "directory_writer refuses a full DIR, and without commit removes only its own files") {
        const scratch dir;
        const std::string full = dir / "full";
        REQUIRE(::mkdir(full.c_str(), 0700) == 0);
        put(full + "/keep.txt", "mine\n");
        CHECK(io_error_of([&] {
                  bmm::directory_writer w(full);
              }).find(full + " exists and is not an empty directory") != std::string::npos);
        CHECK(contents(full + "/keep.txt") == "mine\n");
        CHECK_FALSE(exists(full + ".part"));
        const std::string link = dir / "link";
        REQUIRE(::symlink(full.c_str(), link.c_str()) == 0);
        CHECK(io_error_of([&] {
                  bmm::directory_writer w(link);
              }).find(link + " is a symbolic link") != std::string::npos);
        // Abandoned: its files and DIR.part go; a file someone else put there stays, and so
        // does DIR.part then.
        const std::string out = dir / "out";
        {
            bmm::directory_writer w(out);
            w.write("a.csv", "a\n");
            CHECK_THROWS_AS(w.write("../escape.csv", "x"), bmm::invalid_argument);
            CHECK_THROWS_AS(w.write("a.csv", "again"), bmm::io_error);
            CHECK(contents(out + ".part/a.csv") == "a\n");
        }
        CHECK_FALSE(exists(out + ".part"));
        CHECK_FALSE(exists(out));
        {
            bmm::directory_writer w(out);
            w.write("a.csv", "a\n");
            put(out + ".part/theirs.txt", "theirs\n");
        }
        CHECK_FALSE(exists(out + ".part/a.csv"));
        CHECK(contents(out + ".part/theirs.txt") == "theirs\n");
    }

    TEST_CASE("flush_output reports a failed write to /dev/full with the system's reason") {
        std::FILE* full = std::fopen("/dev/full", "w");
        REQUIRE(full != nullptr);
        std::fputs("the report\n", full);
        CHECK(io_error_of([&] { bmm::flush_output(full, "standard output"); }) ==
              "bmm: cannot write standard output: No space left on device");
        std::fclose(full);
        std::FILE* null = std::fopen("/dev/null", "w");
        REQUIRE(null != nullptr);
        std::fputs("the report\n", null);
        CHECK_NOTHROW(bmm::flush_output(null, "standard output"));
        std::fclose(null);
    }

    TEST_CASE(
        "write_file syncs the file before the rename and its folder after it, and so does "
        "directory_writer") {
        const scratch dir;
        durability_log.clear();
        bmm::write_file(dir / "page.html", "whole\n");
        CHECK(durability_log == std::vector<std::string>{"fsync file", "rename", "fsync folder"});
        durability_log.clear();
        {
            bmm::directory_writer w(dir / "data");
            w.write("a.csv", "a\n");
            w.write("b.csv", "b\n");
            w.commit();
        }
        CHECK(durability_log == std::vector<std::string>{"fsync file", "fsync file", "fsync folder",
                                                         "rename", "fsync folder"});
    }
}

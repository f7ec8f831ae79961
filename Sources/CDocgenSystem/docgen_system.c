#define _GNU_SOURCE
#include "docgen_system.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/syscall.h>

int docgen_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_EXCHANGE = (1 << 1); called through syscall so older C libraries work too. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int docgen_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

long docgen_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    const char *found = memmem(haystack, haystack_length, needle, needle_length);
    return found == NULL ? -1 : (long)(found - (const char *)haystack);
}

/* Whether the open file `fd` holds exactly `length` bytes equal to `bytes`. */
static int holds_bytes(int fd, const char *bytes, size_t length) {
    char buffer[65536];
    size_t offset = 0;
    while (offset < length) {
        size_t want = length - offset < sizeof buffer ? length - offset : sizeof buffer;
        ssize_t got = pread(fd, buffer, want, (off_t)offset);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0 || memcmp(buffer, bytes + offset, (size_t)got) != 0) return 0;
        offset += (size_t)got;
    }
    return 1;
}

int docgen_write_if_changed(const char *path, const void *bytes, size_t length) {
    /* Never through a symbolic link: the previous site may hold one where this site has a page,
       and writing through it could reach a file outside the output. */
    int flags = O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW;
    int fd = open(path, flags, 0666);
    if (fd < 0 && (errno == EACCES || errno == ELOOP)) {
        /* A read-only file or a link left in the staging folder: replace it rather than fail. */
        unlink(path);
        fd = open(path, flags, 0666);
    }
    if (fd < 0) return -1;
    struct stat status;
    if (fstat(fd, &status) != 0) goto failed;
    if ((size_t)status.st_size == length && holds_bytes(fd, bytes, length)) {
        close(fd);
        return 0;
    }
    if (status.st_nlink > 1) {
        /* A file with other names: overwriting it in place would change them too. */
        close(fd);
        if (unlink(path) != 0) return -1;
        fd = open(path, flags | O_EXCL, 0666);
        if (fd < 0) return -1;
        status.st_size = 0;
    }
    size_t offset = 0;
    while (offset < length) {
        ssize_t wrote = pwrite(fd, (const char *)bytes + offset, length - offset, (off_t)offset);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote == 0) errno = EIO;
        if (wrote <= 0) goto failed;
        offset += (size_t)wrote;
    }
    if ((size_t)status.st_size > length && ftruncate(fd, (off_t)length) != 0) goto failed;
    if (close(fd) != 0) return -1;
    return 1;
failed:;
    int saved = errno;
    close(fd);
    errno = saved;
    return -1;
}

int docgen_sync_file_system(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
#if defined(__linux__)
    int result = syncfs(fd);
#else
    int result = fsync(fd);
#endif
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

int docgen_lower_thread_priority(int increment) {
#if defined(__linux__) && defined(SYS_gettid)
    pid_t thread = (pid_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, (id_t)thread);
    if (current == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, (id_t)thread, current + increment);
#else
    (void)increment;
    errno = ENOSYS;
    return -1;
#endif
}

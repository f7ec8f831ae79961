/* The floor for a static-site build on this machine: read every Markdown page of a tree, parse it
   with cmark-gfm and the GFM extensions docgen enables (table, strikethrough, autolink, tagfilter,
   tasklist), render it to HTML and write it to OUTPUT/<path>.html, on all cores, in one process.
   No front matter parsing beyond skipping the block, no templates, no links, no navigation:
   whatever docgen does beyond this is its own cost. Pages are found as compare.sh counts them:
   every .md file not under an includes/ folder.

       cc -O2 -o cmark-floor Benchmarks/cmark-floor.c -lcmark-gfm -lcmark-gfm-extensions -lpthread
       ./cmark-floor CORPUS OUTPUT
*/
#define _GNU_SOURCE
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **paths;
static size_t path_count, path_capacity;
static size_t corpus_length;
static const char *output_root;
static atomic_size_t next_path;
static atomic_int failures;

static int collect(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info; (void)ftw;
    size_t length = strlen(path);
    if (type != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
    if (strstr(path, "/includes/")) return 0;
    if (path_count == path_capacity) {
        path_capacity = path_capacity ? path_capacity * 2 : 1024;
        paths = realloc(paths, path_capacity * sizeof *paths);
        if (!paths) { perror("cmark-floor"); exit(2); }
    }
    paths[path_count++] = strdup(path);
    return 0;
}

static char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    struct stat info;
    if (fstat(fd, &info) != 0) { close(fd); return NULL; }
    char *text = malloc((size_t)info.st_size + 1);
    size_t done = 0;
    while (text && done < (size_t)info.st_size) {
        ssize_t got = read(fd, text + done, (size_t)info.st_size - done);
        if (got <= 0) break;
        done += (size_t)got;
    }
    close(fd);
    *length = done;
    return text;
}

/* mkdir -p for the folders of a file path. */
static void make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { *slash = '/'; return; }
        *slash = '/';
    }
}

/* Where the Markdown starts: after a leading `---` front matter block, if there is one. */
static size_t body_start(const char *text, size_t length) {
    if (length < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r')) return 0;
    for (const char *line = memchr(text, '\n', length); line && (size_t)(line - text) < length;
         line = memchr(line + 1, '\n', length - (size_t)(line + 1 - text))) {
        const char *start = line + 1;
        size_t left = length - (size_t)(start - text);
        if (left >= 3 && strncmp(start, "---", 3) == 0) {
            const char *end = memchr(start, '\n', left);
            return end ? (size_t)(end + 1 - text) : length;
        }
    }
    return 0;
}

static void *work(void *unused) {
    (void)unused;
    static const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    for (size_t index; (index = atomic_fetch_add(&next_path, 1)) < path_count;) {
        const char *path = paths[index];
        size_t length = 0;
        char *text = read_file(path, &length);
        if (!text) { atomic_fetch_add(&failures, 1); continue; }
        size_t start = body_start(text, length);
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
            if (extension) cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, text + start, length - start);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
        char target[4096];
        snprintf(target, sizeof target, "%s%.*s.html", output_root, (int)(strlen(path) - corpus_length - 3), path + corpus_length);
        make_parents(target);
        FILE *file = fopen(target, "wb");
        if (!file || fwrite(html, 1, strlen(html), file) != strlen(html)) atomic_fetch_add(&failures, 1);
        if (file) fclose(file);
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cmark-floor CORPUS OUTPUT\n"); return 2; }
    cmark_gfm_core_extensions_ensure_registered();
    corpus_length = strlen(argv[1]);
    while (corpus_length > 1 && argv[1][corpus_length - 1] == '/') corpus_length--;
    output_root = argv[2];
    if (mkdir(output_root, 0755) != 0 && errno != EEXIST) { perror(output_root); return 2; }
    if (nftw(argv[1], collect, 64, FTW_PHYS) != 0) { perror(argv[1]); return 2; }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t threads[256];
    int count = cores > 256 ? 256 : (int)cores;
    for (int i = 0; i < count; i++) pthread_create(&threads[i], NULL, work, NULL);
    for (int i = 0; i < count; i++) pthread_join(threads[i], NULL);
    printf("%zu pages\n", path_count);
    if (failures) { fprintf(stderr, "cmark-floor: %d pages could not be read or written\n", (int)failures); return 1; }
    return 0;
}

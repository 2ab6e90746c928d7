# sus: the SUS follow-up system, terminal client and server.
#
#   make            build sus and susd
#   make run        start the embedded default and open the client
#   make test       build and run every test layer
#   make bench      benchmarks against raw libpq
#   make fuzz       run each libFuzzer target for a bounded time
#   make install    install under $(DESTDIR)$(PREFIX)

VERSION =	0.1
PREFIX ?=	/usr/local
BINDIR =	$(PREFIX)/bin
SBINDIR =	$(PREFIX)/sbin
MANDIR =	$(PREFIX)/share/man
DATADIR =	$(PREFIX)/share/sus

CC ?=		cc
PKG_CONFIG ?=	pkg-config

WARN =		-std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow \
		-Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS +=	-D_GNU_SOURCE -Icommon -DSUS_VERSION='"$(VERSION)"' \
		-DSUS_DATADIR='"$(DATADIR)"'
CFLAGS ?=	-O2 -g
SANFLAGS =	-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
		-fno-sanitize-recover=undefined -DSUS_TEST_HOOKS

SODIUM_CFLAGS :=	$(shell $(PKG_CONFIG) --cflags libsodium 2>/dev/null)
SODIUM_LIBS :=		$(shell $(PKG_CONFIG) --libs libsodium 2>/dev/null)
PQ_CFLAGS :=		$(shell $(PKG_CONFIG) --cflags libpq 2>/dev/null)
PQ_LIBS :=		$(shell $(PKG_CONFIG) --libs libpq 2>/dev/null)
CURSES_CFLAGS :=	$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS :=		$(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
CHECK_CFLAGS :=		$(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS :=		$(shell $(PKG_CONFIG) --libs check 2>/dev/null)

COMMON_SRCS :=	$(sort $(wildcard common/*.c))
SERVER_SRCS :=	$(sort $(wildcard server/*.c))
CLIENT_SRCS :=	$(sort $(wildcard client/*.c))
UNIT_SRCS :=	$(sort $(wildcard tests/unit/*.c))
INTEG_SRCS :=	$(sort $(wildcard tests/integ/*.c))

# The unit tests link the server's pure files (no I/O, no globals): the
# configuration parser and the business-rule files, rule_*.c. The client
# links whole but for the file holding main().
SERVER_LIB_SRCS :=	server/config.c $(sort $(wildcard server/rule_*.c))
CLIENT_LIB_SRCS :=	$(filter-out client/sus.c,$(CLIENT_SRCS))

COMMON_OBJS =	$(COMMON_SRCS:.c=.o)
SERVER_OBJS =	$(SERVER_SRCS:.c=.o)
CLIENT_OBJS =	$(CLIENT_SRCS:.c=.o)

ALL_CFLAGS =	$(WARN) $(SODIUM_CFLAGS) $(PQ_CFLAGS)

# The programs are built beside their sources: the top level holds only
# the project's own layout.
all: client/sus server/susd

common/%.o: common/%.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(CFLAGS) -MMD -c -o $@ $<
server/%.o: server/%.c
	$(CC) $(CPPFLAGS) -Iserver $(ALL_CFLAGS) $(CFLAGS) -MMD -c -o $@ $<
client/%.o: client/%.c
	$(CC) $(CPPFLAGS) -Iclient $(ALL_CFLAGS) $(CURSES_CFLAGS) $(CFLAGS) \
	    -MMD -c -o $@ $<

%.san.o: %.c
	$(CC) $(CPPFLAGS) -Iserver -Iclient $(ALL_CFLAGS) $(CURSES_CFLAGS) \
	    $(CHECK_CFLAGS) $(SANFLAGS) -MMD -c -o $@ $<

server/susd: $(SERVER_OBJS) $(COMMON_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)

client/sus: $(CLIENT_OBJS) $(COMMON_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(CURSES_LIBS) $(SODIUM_LIBS) $(LDFLAGS)

# Sanitizer builds used by the tests.
tests/bin/susd.san: $(SERVER_SRCS:.c=.san.o) $(COMMON_SRCS:.c=.san.o)
	@mkdir -p tests/bin
	$(CC) $(SANFLAGS) -o $@ $^ $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/sus.san: $(CLIENT_SRCS:.c=.san.o) $(COMMON_SRCS:.c=.san.o)
	@mkdir -p tests/bin
	$(CC) $(SANFLAGS) -o $@ $^ $(CURSES_LIBS) $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/unit.san: $(UNIT_SRCS:.c=.san.o) $(COMMON_SRCS:.c=.san.o) \
    $(SERVER_LIB_SRCS:.c=.san.o) $(CLIENT_LIB_SRCS:.c=.san.o)
	@mkdir -p tests/bin
	$(CC) $(SANFLAGS) -o $@ $^ $(CHECK_LIBS) $(CURSES_LIBS) $(PQ_LIBS) \
	    $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/integ.san: $(INTEG_SRCS:.c=.san.o) $(COMMON_SRCS:.c=.san.o)
	@mkdir -p tests/bin
	$(CC) $(SANFLAGS) -o $@ $^ $(SODIUM_LIBS) $(LDFLAGS)

TEST_BINS =	tests/bin/susd.san tests/bin/sus.san tests/bin/unit.san \
		tests/bin/integ.san

test: all $(TEST_BINS)
	@tests/run

run: 
	@.ci/deps run
	@$(MAKE) --no-print-directory all
	@server/run.sh

tests/bin/bench: tests/bench/bench.c $(COMMON_OBJS)
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) -Iserver $(ALL_CFLAGS) $(CFLAGS) -o $@ $^ $(PQ_LIBS) \
	    $(SODIUM_LIBS) $(LDFLAGS)

# Issue 7's import benchmark: the CSV generator, the raw libpq baselines,
# the single-row clients and an rusage wrapper.
BENCH_ROWS =	tests/bench/rows.c tests/bench/rows.h
BENCH_PQROW =	tests/bench/pqrow.c tests/bench/pqrow.h $(BENCH_ROWS)
BENCH_BINS =	tests/bin/bench tests/bin/bench_gen tests/bin/bench_base \
		tests/bin/bench_single tests/bin/bench_rss tests/bin/bench_report

tests/bin/bench_gen: tests/bench/gen_import.c $(BENCH_ROWS) $(COMMON_OBJS)
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) -Itests/bench $(ALL_CFLAGS) $(CFLAGS) -o $@ \
	    $(filter-out %.h,$^) $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/bench_base: tests/bench/import_base.c $(BENCH_PQROW) $(COMMON_OBJS)
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) -Itests/bench $(ALL_CFLAGS) $(CFLAGS) -o $@ \
	    $(filter-out %.h,$^) $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/bench_single: tests/bench/import_single.c $(BENCH_PQROW) \
    $(COMMON_OBJS)
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) -Itests/bench $(ALL_CFLAGS) $(CFLAGS) -o $@ \
	    $(filter-out %.h,$^) $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)
tests/bin/bench_rss: tests/bench/rss.c
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(CFLAGS) -o $@ $^ $(LDFLAGS)
# Issue 9's report benchmark: each report through susd against its own
# SQL over libpq (tests/bench/report.sh).
tests/bin/bench_report: tests/bench/report_run.c $(BENCH_ROWS) $(COMMON_OBJS)
	@mkdir -p tests/bin
	$(CC) $(CPPFLAGS) -Itests/bench $(ALL_CFLAGS) $(CFLAGS) -o $@ \
	    $(filter-out %.h,$^) $(PQ_LIBS) $(SODIUM_LIBS) $(LDFLAGS)

bench: all $(BENCH_BINS)
	@tests/bench/run

fuzz:
	@tests/fuzz/run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(MANDIR)/man8 \
	    $(DESTDIR)$(DATADIR)/schema
	install -m 755 client/sus $(DESTDIR)$(BINDIR)/sus
	install -m 755 server/susd $(DESTDIR)$(SBINDIR)/susd
	install -m 644 man/sus.1 $(DESTDIR)$(MANDIR)/man1/sus.1
	install -m 644 man/susd.conf.5 $(DESTDIR)$(MANDIR)/man5/susd.conf.5
	install -m 644 man/sus-protocol.7 $(DESTDIR)$(MANDIR)/man7/sus-protocol.7
	install -m 644 man/susd.8 $(DESTDIR)$(MANDIR)/man8/susd.8
	install -m 644 schema/*.sql schema/*.csv $(DESTDIR)$(DATADIR)/schema/

lint-man:
	mandoc -Tlint -Wwarning man/*.[1-8]

clean:
	rm -f client/sus server/susd common/*.o server/*.o client/*.o tests/*/*.o \
	    common/*.d server/*.d client/*.d tests/*/*.d
	rm -rf tests/bin tests/out tests/fuzz/corpus

.PHONY: all test run bench fuzz install lint-man clean sus susd

# Short names for the two programs.
sus: client/sus
susd: server/susd

-include $(wildcard common/*.d server/*.d client/*.d tests/*/*.d)

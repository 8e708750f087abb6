#ifndef GRUSCOPE_TERMINAL_SUPPORT_H
#define GRUSCOPE_TERMINAL_SUPPORT_H

/*
 * Signal and crash handling for the terminal session, in C because signal handlers may only
 * touch async-signal-safe state. The state lives in one .c file (not static variables in a
 * header): a header's statics would be duplicated in every Swift object file that calls them.
 */

#include <stddef.h>

/* Bits returned by terminal_support_take_pending_signals(). */
enum {
    TERMINAL_SUPPORT_SIGINT = 1 << 0,
    TERMINAL_SUPPORT_SIGTERM = 1 << 1,
    TERMINAL_SUPPORT_SIGHUP = 1 << 2,
    TERMINAL_SUPPORT_SIGTSTP = 1 << 3,
    TERMINAL_SUPPORT_SIGCONT = 1 << 4,
    TERMINAL_SUPPORT_SIGQUIT = 1 << 5,
    TERMINAL_SUPPORT_SIGWINCH = 1 << 6,
    /* Any other signal whose default action ends the process (SIGUSR1, SIGUSR2, SIGALRM,
       SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT, real-time
       signals): the program must end too, but only after giving the terminal back. */
    TERMINAL_SUPPORT_SIGEND = 1 << 7,
};

/* Remembers the terminal modes of `fd` so every exit path can put them back. 0 on success. */
int terminal_support_save_modes(int fd);

/* Bytes written to the terminal before the modes are restored (leave the alternate screen,
   mouse off, cursor on...). Copied; at most 1023 bytes are kept. */
void terminal_support_set_restore_sequence(const char *bytes, size_t length);

/* Installs the flag handlers (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT; SIGWINCH only
   when `include_winch` is non-zero; every other catchable signal whose default ends the process
   as TERMINAL_SUPPORT_SIGEND) and the crash handlers (SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE,
   SIGABRT, SIGSYS), keeping the previous actions. Arms the restore. 0 on success.

   A second ending signal (INT, TERM, HUP, QUIT or an SIGEND one) that arrives while the main
   loop has not yet taken the first does not wait for it (it may be busy): the handler restores
   the terminal and ends the process by that signal at once. */
int terminal_support_install(int include_winch);

/* Puts back the previous signal actions and disarms the restore. */
void terminal_support_uninstall(void);

/* Disarms or re-arms the crash/exit restore without touching the handlers (while suspended the
   terminal is already restored). */
void terminal_support_set_armed(int armed);

/* The signals that arrived since the last call, as TERMINAL_SUPPORT_* bits; clears them. */
unsigned terminal_support_take_pending_signals(void);

/* Adds bits as if those signals had arrived (for tests and for re-queuing). */
void terminal_support_post_pending_signals(unsigned bits);

/* Writes the restore sequence, restores the saved modes and releases standard error now, if
   armed. Async-signal-safe. */
void terminal_support_restore_now(void);

/* Sends standard error to an unlinked temporary file while the screen is up, so stray messages
   cannot scribble over it; they are replayed to the real standard error by
   terminal_support_release_stderr(), which every restore path (crash, exit, stop) calls.
   0 on success; on failure standard error is left as it was. */
int terminal_support_capture_stderr(void);

/* Points standard error back at the terminal and writes what was captured. Async-signal-safe;
   does nothing when nothing is captured. */
void terminal_support_release_stderr(void);

/* Puts back the saved terminal modes only (after endwin, which already left the screen). */
void terminal_support_restore_modes(void);

/* The first signal that asked the program to end (INT, TERM, HUP, QUIT or an SIGEND one) since
   the handlers were installed, or 0. */
int terminal_support_ending_signal(void);

/* Ends the process as `signal_number` would have ended it, so the parent sees 128+n: the
   default action is put back and the signal raised again; signals whose default also dumps
   core (SIGQUIT, SIGXCPU, SIGXFSZ) exit with status 128+n instead. Call after the terminal is
   restored. Never returns. */
void terminal_support_end_by_signal(int signal_number) __attribute__((noreturn));

/* Stops this process like Ctrl-Z would (SIGSTOP), returning after `fg`. */
void terminal_support_stop_self(void);

#endif

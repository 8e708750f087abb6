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
};

/* Remembers the terminal modes of `fd` so every exit path can put them back. 0 on success. */
int terminal_support_save_modes(int fd);

/* Bytes written to the terminal before the modes are restored (leave the alternate screen,
   mouse off, cursor on...). Copied; at most 1023 bytes are kept. */
void terminal_support_set_restore_sequence(const char *bytes, size_t length);

/* Installs the flag handlers (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT; SIGWINCH only
   when `include_winch` is non-zero) and the crash handlers (SIGSEGV, SIGILL, SIGTRAP, SIGBUS,
   SIGFPE, SIGABRT), keeping the previous actions. Arms the restore. 0 on success. */
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

/* Stops this process like Ctrl-Z would (SIGSTOP), returning after `fg`. */
void terminal_support_stop_self(void);

#endif

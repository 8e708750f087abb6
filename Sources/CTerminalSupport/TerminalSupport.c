#include "TerminalSupport.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

/* Everything here is written by the main thread before the handlers are installed (or while
   they are disarmed) and only read inside the handlers. */
static struct termios saved_modes;
static int saved_fd = -1;
static int have_saved_modes = 0;
static char restore_sequence[1024];
static size_t restore_length = 0;

static int captured_stderr_fd = -1; /* the temporary file now at fd 2 */
static int real_stderr_fd = -1;     /* a duplicate of the original fd 2 */
static atomic_int stderr_captured = 0;

static atomic_uint pending_signals = 0;
static atomic_int ending_signal = 0; /* the first signal that asked to end, or 0 */
static atomic_int armed = 0;
static atomic_int restored_once = 0;
static int installed = 0;
static int atexit_registered = 0;

/* Signals with a flag of their own. */
static const int flag_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
static const unsigned flag_bits[] = {
    TERMINAL_SUPPORT_SIGINT, TERMINAL_SUPPORT_SIGTERM, TERMINAL_SUPPORT_SIGHUP,
    TERMINAL_SUPPORT_SIGQUIT, TERMINAL_SUPPORT_SIGTSTP, TERMINAL_SUPPORT_SIGCONT,
    TERMINAL_SUPPORT_SIGWINCH,
};
#define FLAG_SIGNAL_COUNT (sizeof flag_signals / sizeof flag_signals[0])

/* Every other catchable signal whose default action ends the process (real-time signals are
   added at install time, since SIGRTMIN is not a constant): all share TERMINAL_SUPPORT_SIGEND. */
static const int end_signals[] = {
    SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};
#define END_SIGNAL_COUNT (sizeof end_signals / sizeof end_signals[0])

static const int crash_signals[] = {SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT, SIGSYS};
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])

/* The actions found before install, indexed by signal number. */
#define SIGNAL_SLOTS 65
static struct sigaction previous_actions[SIGNAL_SLOTS];
static int handler_installed[SIGNAL_SLOTS];

int terminal_support_save_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    have_saved_modes = 1;
    return 0;
}

void terminal_support_set_restore_sequence(const char *bytes, size_t length) {
    if (length >= sizeof restore_sequence) length = sizeof restore_sequence - 1;
    if (bytes != NULL && length > 0) memcpy(restore_sequence, bytes, length);
    restore_length = bytes == NULL ? 0 : length;
}

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written <= 0) return; /* EINTR included: a crash path must not spin */
        bytes += written;
        length -= (size_t)written;
    }
}

int terminal_support_capture_stderr(void) {
    if (atomic_load(&stderr_captured)) return 0;
    char path[] = "/tmp/gruscope-stderr-XXXXXX";
    int file = mkstemp(path);
    if (file < 0) return -1;
    unlink(path);
    int original = dup(STDERR_FILENO);
    if (original < 0) {
        close(file);
        return -1;
    }
    fflush(stderr);
    if (dup2(file, STDERR_FILENO) < 0) {
        close(file);
        close(original);
        return -1;
    }
    captured_stderr_fd = file;
    real_stderr_fd = original;
    atomic_store(&stderr_captured, 1);
    return 0;
}

void terminal_support_release_stderr(void) {
    if (!atomic_exchange(&stderr_captured, 0)) return;
    dup2(real_stderr_fd, STDERR_FILENO);
    static char buffer[4096];
    if (lseek(captured_stderr_fd, 0, SEEK_SET) == 0) {
        ssize_t count;
        while ((count = read(captured_stderr_fd, buffer, sizeof buffer)) > 0) {
            write_all(STDERR_FILENO, buffer, (size_t)count);
        }
    }
    close(captured_stderr_fd);
    close(real_stderr_fd);
    captured_stderr_fd = -1;
    real_stderr_fd = -1;
}

void terminal_support_restore_now(void) {
    if (!atomic_load(&armed)) return;
    /* Only the first caller restores: a crash inside the restore must not loop. */
    if (atomic_exchange(&restored_once, 1)) return;
    int fd = saved_fd >= 0 ? saved_fd : STDIN_FILENO;
    if (restore_length > 0) write_all(STDOUT_FILENO, restore_sequence, restore_length);
    if (have_saved_modes) tcsetattr(fd, TCSANOW, &saved_modes);
    /* Now the screen is the shell's again, show what was written to stderr (a fatalError's
       message, for one) before the backtrace that follows. */
    terminal_support_release_stderr();
}

void terminal_support_restore_modes(void) {
    if (have_saved_modes) tcsetattr(saved_fd, TCSANOW, &saved_modes);
}

static unsigned flag_bit(int signal_number) {
    for (size_t i = 0; i < FLAG_SIGNAL_COUNT; i++) {
        if (flag_signals[i] == signal_number) return flag_bits[i];
    }
    return TERMINAL_SUPPORT_SIGEND;
}

#define ENDING_BITS (TERMINAL_SUPPORT_SIGINT | TERMINAL_SUPPORT_SIGTERM | TERMINAL_SUPPORT_SIGHUP \
                     | TERMINAL_SUPPORT_SIGQUIT | TERMINAL_SUPPORT_SIGEND)

static void flag_handler(int signal_number) {
    unsigned bit = flag_bit(signal_number);
    if (bit & ENDING_BITS) {
        int none = 0;
        atomic_compare_exchange_strong(&ending_signal, &none, signal_number);
        if (atomic_load(&pending_signals) & ENDING_BITS) {
            /* Asked twice while the main loop has not taken the first request (it may be busy
               in a long computation): give the terminal back and end here. */
            terminal_support_restore_now();
            terminal_support_end_by_signal(signal_number);
        }
    }
    atomic_fetch_or(&pending_signals, bit);
}

static void crash_handler(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    terminal_support_restore_now();
    /* Hand the signal to whoever was there before (Swift's backtracer, or the default). */
    if (signal_number > 0 && signal_number < SIGNAL_SLOTS && handler_installed[signal_number]) {
        sigaction(signal_number, &previous_actions[signal_number], NULL);
        handler_installed[signal_number] = 0;
    }
    /* A fault raised by the CPU happens again when the handler returns, now reaching the
       previous handler with its real context; a signal sent by kill/raise/abort must be sent
       again. */
    if (info == NULL || info->si_code <= 0) raise(signal_number);
}

static void restore_at_exit(void) { terminal_support_restore_now(); }

/* Installs `handler` for a flag or end signal, unless the signal was ignored when we started
   (nohup, a shell without job control): such a signal stays ignored, as for any well-behaved
   program. SIGCONT and SIGWINCH are ours whatever came before. */
static void install_flag_handler(int signal_number) {
    if (signal_number <= 0 || signal_number >= SIGNAL_SLOTS) return;
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) == 0 && current.sa_handler == SIG_IGN
        && signal_number != SIGCONT && signal_number != SIGWINCH) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = flag_handler;
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a blocking read must return so the main loop sees the flag at once. */
    action.sa_flags = 0;
    if (sigaction(signal_number, &action, &previous_actions[signal_number]) == 0) {
        handler_installed[signal_number] = 1;
    }
}

int terminal_support_install(int include_winch) {
    if (installed) return 0;
    memset(handler_installed, 0, sizeof handler_installed);
    for (size_t i = 0; i < FLAG_SIGNAL_COUNT; i++) {
        if (flag_signals[i] == SIGWINCH && !include_winch) continue;
        install_flag_handler(flag_signals[i]);
    }
    for (size_t i = 0; i < END_SIGNAL_COUNT; i++) install_flag_handler(end_signals[i]);
    for (int number = SIGRTMIN; number <= SIGRTMAX; number++) install_flag_handler(number);
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        int number = crash_signals[i];
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        if (sigaction(number, &action, &previous_actions[number]) == 0) handler_installed[number] = 1;
    }
    if (!atexit_registered) {
        atexit(restore_at_exit);
        atexit_registered = 1;
    }
    atomic_store(&pending_signals, 0);
    atomic_store(&ending_signal, 0);
    atomic_store(&restored_once, 0);
    atomic_store(&armed, 1);
    installed = 1;
    return 0;
}

void terminal_support_uninstall(void) {
    atomic_store(&armed, 0);
    if (!installed) return;
    for (int number = 1; number < SIGNAL_SLOTS; number++) {
        if (handler_installed[number]) sigaction(number, &previous_actions[number], NULL);
        handler_installed[number] = 0;
    }
    installed = 0;
}

void terminal_support_set_armed(int value) {
    atomic_store(&restored_once, 0);
    atomic_store(&armed, value ? 1 : 0);
}

unsigned terminal_support_take_pending_signals(void) { return atomic_exchange(&pending_signals, 0); }

void terminal_support_post_pending_signals(unsigned bits) { atomic_fetch_or(&pending_signals, bits); }

int terminal_support_ending_signal(void) { return atomic_load(&ending_signal); }

void terminal_support_end_by_signal(int signal_number) {
    if (signal_number <= 0 || signal_number >= SIGNAL_SLOTS) _exit(1);
    /* Those would also dump core, which nobody asked for: the status tells the same. */
    if (signal_number == SIGQUIT || signal_number == SIGXCPU || signal_number == SIGXFSZ) {
        _exit(128 + signal_number);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(signal_number);
    _exit(128 + signal_number); /* not reached: the default action ends the process */
}

void terminal_support_stop_self(void) {
    /* SIGSTOP cannot be caught, so this stops us even though SIGTSTP is ours. */
    raise(SIGSTOP);
}

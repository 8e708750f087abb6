#ifndef GRUSCOPE_NCURSES_SHIM_H
#define GRUSCOPE_NCURSES_SHIM_H

/*
 * The parts of ncurses Swift cannot import (function-like and bit macros) or refuses in Swift 6
 * (mutable C globals such as stdscr, COLS, stdin), wrapped as static inline functions.
 * Stateless on purpose: signal state lives in CTerminalSupport's single .c file.
 */

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Globals. */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline int shim_ERR(void) { return ERR; }
static inline int shim_OK(void) { return OK; }
static inline int shim_KEY_CODE_YES(void) { return KEY_CODE_YES; }

/* Attributes. */
static inline attr_t shim_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t shim_A_BOLD(void) { return A_BOLD; }
static inline attr_t shim_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t shim_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t shim_A_DIM(void) { return A_DIM; }
static inline attr_t shim_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

/* Mouse. */
static inline mmask_t shim_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t shim_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_BUTTON1_DOUBLE_CLICKED(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t shim_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t shim_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t shim_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }

/* Keys. */
static inline int shim_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int shim_KEY_MOUSE(void) { return KEY_MOUSE; }
static inline int shim_KEY_UP(void) { return KEY_UP; }
static inline int shim_KEY_DOWN(void) { return KEY_DOWN; }
static inline int shim_KEY_LEFT(void) { return KEY_LEFT; }
static inline int shim_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int shim_KEY_BTAB(void) { return KEY_BTAB; }
static inline int shim_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int shim_KEY_DC(void) { return KEY_DC; }
static inline int shim_KEY_HOME(void) { return KEY_HOME; }
static inline int shim_KEY_END(void) { return KEY_END; }
static inline int shim_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int shim_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int shim_KEY_ENTER(void) { return KEY_ENTER; }
static inline int shim_KEY_F(int n) { return KEY_F(n); }

/* Drawing one cell: `characters` is a spacing character followed by up to four combining
   ones, zero-terminated. The pair goes through setcchar's `opts` so pairs above 32767 work.
   Returns shim_SETCCHAR_FAILED() when ncurses refused the characters, else mvwadd_wch's result
   (ERR at the bottom-right corner is normal: the cell is drawn, the cursor cannot advance). */
static inline int shim_SETCCHAR_FAILED(void) { return -2; }
static inline int shim_put_cell(WINDOW *window, int y, int x, const wchar_t *characters, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, characters, attributes, 0, &pair) == ERR) return shim_SETCCHAR_FAILED();
    return mvwadd_wch(window, y, x, &cell);
}

/* Drawing a run of cells in one style, each a single narrow character (no combining marks),
   at (y, x), (y, x + 1), ...: the per-cell call above without a trip from Swift for each.
   Every cell is placed by its own position, as if by shim_put_cell. */
static inline void shim_put_cells(WINDOW *window, int y, int x, const wchar_t *characters, int count, attr_t attributes, int pair) {
    cchar_t cell;
    wchar_t one[2] = {0, 0};
    for (int i = 0; i < count; i++) {
        one[0] = characters[i];
        if (setcchar(&cell, one, attributes, 0, &pair) == ERR) continue;
        mvwadd_wch(window, y, x + i, &cell);
    }
}

/* Window size. */
static inline int shim_max_x(WINDOW *window) { return getmaxx(window); }
static inline int shim_max_y(WINDOW *window) { return getmaxy(window); }

/* Terminfo strings, or NULL when the terminal lacks them (tigetstr's -1 included). */
static inline const char *shim_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return NULL;
    return value;
}

static inline int shim_wcwidth(wchar_t character) { return wcwidth(character); }
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

#endif

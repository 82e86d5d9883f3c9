#ifndef ORGTUI_CNCURSESW_SHIM_H
#define ORGTUI_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this the wide-character API is not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Declared by <wchar.h> only under _XOPEN_SOURCE, which the imported Glibc module was not built with.
extern int wcwidth(wchar_t c);

// Swift 6 cannot import C globals or function-like macros, so each one gets a static inline wrapper.
static inline WINDOW *orgtui_stdscr(void) { return stdscr; }
static inline int orgtui_lines(void) { return LINES; }
static inline int orgtui_cols(void) { return COLS; }
static inline int orgtui_colors(void) { return COLORS; }
static inline int orgtui_color_pairs(void) { return COLOR_PAIRS; }
static inline int orgtui_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t orgtui_a_normal(void) { return A_NORMAL; }
static inline attr_t orgtui_a_bold(void) { return A_BOLD; }
static inline attr_t orgtui_a_reverse(void) { return A_REVERSE; }
static inline attr_t orgtui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t orgtui_a_dim(void) { return A_DIM; }
static inline int orgtui_key_code_yes(void) { return KEY_CODE_YES; }
static inline int orgtui_key_resize(void) { return KEY_RESIZE; }
static inline int orgtui_key_mouse(void) { return KEY_MOUSE; }
static inline int orgtui_key_f(int n) { return KEY_F(n); }
static inline int orgtui_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int orgtui_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline mmask_t orgtui_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t orgtui_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t orgtui_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t orgtui_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t orgtui_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline int orgtui_set_style(WINDOW *w, attr_t attributes, int pair) {
    return wattr_set(w, attributes, (short)pair, NULL);
}
static inline mmask_t orgtui_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t orgtui_button3_pressed(void) { return BUTTON3_PRESSED; }

#endif

extension EmbeddedThemes {
    /// A verbatim copy of `themes/high-contrast.toml`.
    static let highContrastTOML = #"""
        # orgtui theme "high-contrast": white and saturated colours on black, whatever the terminal's background.
        # Every role sets its background, and text keeps at least 7:1 contrast (WCAG AAA) against it.
        #
        # [palette] names colours: "#rrggbb" (shown as the nearest of the xterm 256), "color0"…"color255", ANSI names
        # ("red", "bright-blue") or "default" (the terminal's own colour).
        # [roles] gives each semantic role its whole style: fg and bg (a palette name or a colour) and bold, dim,
        # underline, reverse (true or false). What a role leaves out is off: the terminal's own colour, no attribute.
        # A role the file does not mention keeps the default theme's style. Unknown keys are reported as warnings.

        [palette]
        bg      = "#000000"  # color16
        fg      = "#ffffff"  # color231
        muted   = "#bcbcbc"  # color250
        yellow  = "#ffff00"  # color226
        cyan    = "#00ffff"  # color51
        green   = "#00ff00"  # color46
        amber   = "#ffaf00"  # color214
        peach   = "#ffd7af"  # color223
        red     = "#ff5f5f"  # color203
        maroon  = "#af0000"  # color124
        magenta = "#ff87ff"  # color213

        [roles]
        "text.primary"  = { fg = "fg", bg = "bg" }
        "text.muted"    = { fg = "muted", bg = "bg" }
        selection       = { fg = "bg", bg = "yellow", bold = true }
        border          = { fg = "fg", bg = "bg" }
        header          = { fg = "bg", bg = "fg", bold = true }
        "header.marker" = { fg = "bg", bg = "amber", bold = true }
        "tab.active"    = { fg = "bg", bg = "cyan", bold = true }
        "tab.inactive"  = { fg = "fg", bg = "bg" }
        "status.ok"     = { fg = "green", bg = "bg" }
        "status.warn"   = { fg = "yellow", bg = "bg" }
        "status.error"  = { fg = "red", bg = "bg", bold = true }
        "role.owner"    = { fg = "magenta", bg = "bg", bold = true }
        "role.admin"    = { fg = "amber", bg = "bg" }
        "role.member"   = { fg = "cyan", bg = "bg" }
        "role.viewer"   = { fg = "muted", bg = "bg" }
        danger          = { fg = "fg", bg = "maroon", bold = true }
        badge           = { fg = "bg", bg = "yellow", bold = true }
        stale           = { fg = "peach", bg = "bg" }
        "warning.flag"  = { fg = "amber", bg = "bg", bold = true }
        "modal.border"  = { fg = "cyan", bg = "bg", bold = true }
        "modal.title"   = { fg = "fg", bg = "bg", bold = true, underline = true }
        secret          = { fg = "bg", bg = "green", bold = true }
        "table.header"  = { fg = "fg", bg = "bg", bold = true, underline = true }
        filter          = { fg = "yellow", bg = "bg", bold = true }
        "key.hint"      = { fg = "muted", bg = "bg" }

        """#
}

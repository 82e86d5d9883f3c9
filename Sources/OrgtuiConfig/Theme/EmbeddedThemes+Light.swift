extension EmbeddedThemes {
    /// A verbatim copy of `themes/light.toml`.
    static let lightTOML = #"""
        # orgtui theme "light": for terminals with a light background (the terminal's own background shows through).
        # Text keeps at least 4.5:1 contrast (WCAG AA) against white and its own background; lines 3:1.
        #
        # [palette] names colours: "#rrggbb" (shown as the nearest of the xterm 256), "color0"…"color255", ANSI names
        # ("red", "bright-blue") or "default" (the terminal's own colour).
        # [roles] gives each semantic role its whole style: fg and bg (a palette name or a colour) and bold, dim,
        # underline, reverse (true or false). What a role leaves out is off: the terminal's own colour, no attribute.
        # A role the file does not mention keeps the default theme's style. Unknown keys are reported as warnings.

        [palette]
        text     = "#262626"  # color235
        muted    = "#6c6c6c"  # color242
        faint    = "#767676"  # color243
        line     = "#8a8a8a"  # color245
        surface  = "#e4e4e4"  # color254
        tabs     = "#dadada"  # color253
        tab-text = "#444444"  # color238
        snow     = "#ffffff"  # color231
        ink      = "#000000"  # color16
        navy     = "#005faf"  # color25
        teal     = "#005f87"  # color24
        forest   = "#008700"  # color28
        pine     = "#005f00"  # color22
        honeydew = "#d7ffd7"  # color194
        rust     = "#af5f00"  # color130
        bronze   = "#875f00"  # color94
        gold     = "#ffd700"  # color220
        rosewood = "#875f5f"  # color95
        crimson  = "#d70000"  # color160
        plum     = "#af00af"  # color127

        [roles]
        "text.primary"  = { fg = "text" }
        "text.muted"    = { fg = "muted" }
        selection       = { fg = "snow", bg = "navy", bold = true }
        border          = { fg = "line" }
        header          = { fg = "text", bg = "surface", bold = true }
        "header.marker" = { fg = "snow", bg = "rust", bold = true }
        "tab.active"    = { fg = "snow", bg = "navy", bold = true }
        "tab.inactive"  = { fg = "tab-text", bg = "tabs" }
        "status.ok"     = { fg = "forest" }
        "status.warn"   = { fg = "rust" }
        "status.error"  = { fg = "crimson", bold = true }
        "role.owner"    = { fg = "plum", bold = true }
        "role.admin"    = { fg = "bronze" }
        "role.member"   = { fg = "navy" }
        "role.viewer"   = { fg = "faint" }
        danger          = { fg = "snow", bg = "crimson", bold = true }
        badge           = { fg = "ink", bg = "gold", bold = true }
        stale           = { fg = "rosewood" }
        "warning.flag"  = { fg = "rust", bold = true }
        "modal.border"  = { fg = "navy" }
        "modal.title"   = { fg = "text", bold = true }
        secret          = { fg = "pine", bg = "honeydew", bold = true }
        "table.header"  = { fg = "teal", bold = true }
        filter          = { fg = "rust" }
        "key.hint"      = { fg = "muted" }

        """#
}

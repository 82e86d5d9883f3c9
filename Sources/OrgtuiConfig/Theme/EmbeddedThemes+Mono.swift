extension EmbeddedThemes {
    /// A verbatim copy of `themes/mono.toml`.
    static let monoTOML = #"""
        # orgtui theme "mono": attributes only, no colours. Chosen automatically when NO_COLOR is set, TERM=dumb or the
        # terminal has fewer than 8 colours; also compiled into the binary.
        #
        # [palette] names colours: "#rrggbb" (shown as the nearest of the xterm 256), "color0"…"color255", ANSI names
        # ("red", "bright-blue") or "default" (the terminal's own colour).
        # [roles] gives each semantic role its whole style: fg and bg (a palette name or a colour) and bold, dim,
        # underline, reverse (true or false). What a role leaves out is off: the terminal's own colour, no attribute.
        # A role the file does not mention keeps the default theme's style. Unknown keys are reported as warnings.

        [palette]
        # None: every role below uses the terminal's own colours.

        [roles]
        "text.primary"  = {}
        "text.muted"    = { dim = true }
        selection       = { reverse = true }
        border          = {}
        header          = { bold = true, reverse = true }
        "header.marker" = { bold = true, underline = true }
        "tab.active"    = { bold = true, reverse = true }
        "tab.inactive"  = {}
        "status.ok"     = {}
        "status.warn"   = { bold = true }
        "status.error"  = { bold = true, underline = true }
        "role.owner"    = { bold = true }
        "role.admin"    = { bold = true }
        "role.member"   = {}
        "role.viewer"   = { dim = true }
        danger          = { bold = true, reverse = true }
        badge           = { reverse = true }
        stale           = { dim = true }
        "warning.flag"  = { bold = true }
        "modal.border"  = { bold = true }
        "modal.title"   = { bold = true }
        secret          = { bold = true, underline = true }
        "table.header"  = { bold = true, underline = true }
        filter          = { underline = true }
        "key.hint"      = { dim = true }

        """#
}

/// Lets the console's options come before a scripting command, as people type them (`orgtui --provider keycard
/// accounts list`): options that precede a subcommand's name move after the whole command line, where the
/// subcommand reads them. Without a subcommand the line is left as it is (the console takes them).
enum ArgumentOrder {
    /// Options of the root that take a value.
    static let valued: Set<String> = ["--provider", "--profile", "--base-url", "--log-level", "--theme", "--members"]
    /// Options of the root that stand alone.
    static let flags: Set<String> = ["--demo", "--read-only", "--summary"]

    /// `arguments` (without the program name) with leading root options moved behind the command that follows them.
    static func normalized(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valued.contains(name) {
                index += argument.contains("=") ? 1 : 2
            } else if flags.contains(argument) {
                index += 1
            } else {
                guard index > 0, index < arguments.count, subcommands.contains(argument) else { return arguments }
                return Array(arguments[index...]) + Array(arguments[..<index])
            }
        }
        return arguments
    }
}

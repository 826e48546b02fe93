import ArgumentParser
import CLISupport

/// `cchc-synth`: synthetic plans and databases for benchmarks.
@main
struct CchcSynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-synth", abstract: "Sinh dữ liệu tổng hợp để đo hiệu năng (công cụ cho nhà phát triển).",
        subcommands: [PlanCommand.self, DatabaseCommand.self])

    static func main() {
        ToolMain.run(CchcSynth.self)
    }
}

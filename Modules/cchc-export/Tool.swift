import ArgumentParser

@main
struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cchc-export")
    func run() throws {}
}

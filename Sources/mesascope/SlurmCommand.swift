import ArgumentParser
import Foundation
import MesaPipeline

/// `mesascope slurm FILE`: writes the sbatch scripts of a sharded run — a job array of shards and a
/// merge job after it — or submits them and exits (docs/cluster.md).
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write (or --submit) a Slurm job array of shards and a merge job that depends on it."
    )

    @Argument(help: "The scenario file.")
    var path: String

    @Option(name: .customLong("shards"), help: "Shards (array tasks); at most the runs of the look and MaxArraySize − 1.")
    var shards: Int = 10

    @Option(name: .customLong("look"), help: "The look of sequential seeds (default 1; the merge job submits the next).")
    var look: Int = 1

    @Option(name: .customLong("partition"), help: "#SBATCH --partition.")
    var partition: String?

    @Option(name: .customLong("time"), help: "#SBATCH --time for each shard and the merge (e.g. 01:00:00).")
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per shard; a shard runs that many simulations at once.")
    var cpusPerTask: Int = 1

    @Option(name: .customLong("account"), help: "#SBATCH --account.")
    var account: String?

    @Option(name: .customLong("qos"), help: "#SBATCH --qos.")
    var qos: String?

    @Option(name: .customLong("sbatch"), help: ArgumentHelp("A further #SBATCH option, repeatable (e.g. --sbatch=--mem=4G).",
                                                            valueName: "option"))
    var sbatchOptions: [String] = []

    @Option(name: .customLong("out"), help: "The reports folder the merge job writes.")
    var out = "reports"

    @Option(name: .customLong("scripts"), help: "Where the scripts and logs go (default slurm/<scenario slug>).")
    var scripts: String?

    @Option(name: .customLong("mesascope"), help: "The mesascope the jobs run (default: this executable).")
    var executable: String?

    @Flag(name: .customLong("submit"), help: "Submit the array and the merge with sbatch, print the job ids, and exit.")
    var submit = false

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
        guard look >= 1 else { throw ValidationError("--look must be at least 1") }
        if cache.disabled { throw ValidationError("the shards share their runs through the run cache: drop --no-cache") }
    }

    func run() throws {
        try ExitStatus.mapping {
            let files = try ScenarioFiles.resolve([path])
            guard let loaded = try options.loader.loadAll(files).first else { return }
            let scenario = loaded.scenario
            let looks = scenario.seedSchedule.looks.count
            guard look <= looks else {
                throw PipelineError.usage("\(path) has \(looks) look\(looks == 1 ? "" : "s") of seeds; --look \(look) is not one of them")
            }
            let runs = Shard.runs(of: scenario, look: look).count
            let limit = Self.maximumArraySize() - 1
            guard shards <= limit else {
                throw PipelineError.usage("--shards \(shards) is above this cluster's MaxArraySize − 1 = \(limit)")
            }
            let count = max(1, min(shards, runs))
            let folder = Self.absolute(scripts ?? "slurm/\(scenario.slug)")
            var job = SlurmJob(executable: Self.absolute(executable ?? Self.currentExecutable()),
                               scenarioPath: Self.absolute(path), slug: scenario.slug, shards: count, look: look,
                               looks: looks, cache: cache.location.standardizedFileURL.path, out: Self.absolute(out),
                               scriptFolder: folder, partition: partition, time: time, cpusPerTask: cpusPerTask,
                               account: account, qos: qos)
            job.extraOptions = sbatchOptions
            job.scenarioArguments = options.overrides.flatMap { ["--set", $0] } + (options.quick ? ["--quick"] : [])
                + (options.allowLarge ? ["--allow-large"] : [])
            let next = nextLookArguments(folder: folder)
            do {
                try FileManager.default.createDirectory(atPath: job.logFolder, withIntermediateDirectories: true)
                try Data(job.shardsScript.utf8).write(to: URL(fileURLWithPath: job.shardsScriptPath))
                try Data(job.mergeScript(nextLookArguments: next).utf8).write(to: URL(fileURLWithPath: job.mergeScriptPath))
                try Data(job.submitScript.utf8).write(to: URL(fileURLWithPath: job.submitScriptPath))
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: job.submitScriptPath)
            } catch {
                throw PipelineError.unreadable(path: folder, reason: "cannot write the scripts (\(error.localizedDescription))")
            }
            guard submit else {
                print("""
                    Wrote \(job.shardsScriptPath) (\(count) shards, \(runs) runs of look \(look) of \(looks))
                      and \(job.mergeScriptPath). Submit both with:
                      \(job.submitScriptPath)
                    The run cache \(job.cache) must be on a file system every node shares.
                    """)
                return
            }
            let array = try Self.sbatch([job.shardsScriptPath])
            let merge = try Self.sbatch(["--dependency=afterok:\(array)", job.mergeScriptPath])
            print("Submitted look \(look) of \(looks) of \(scenario.slug): shards \(array) (\(count) tasks), merge \(merge).")
        }
    }

    /// The options the merge job gives `slurm --look L+1 --submit`: everything but the look.
    func nextLookArguments(folder: String) -> [String] {
        var arguments = ["--shards", String(shards), "--cpus-per-task", String(cpusPerTask), "--out", Self.absolute(out),
                         "--scripts", folder, "--cache", cache.location.standardizedFileURL.path]
        if let partition { arguments += ["--partition", partition] }
        if let time { arguments += ["--time", time] }
        if let account { arguments += ["--account", account] }
        if let qos { arguments += ["--qos", qos] }
        if let executable { arguments += ["--mesascope", Self.absolute(executable)] }
        for option in sbatchOptions { arguments.append("--sbatch=\(option)") }
        for override in options.overrides { arguments += ["--set", override] }
        if options.quick { arguments.append("--quick") }
        if options.allowLarge { arguments.append("--allow-large") }
        return arguments
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// `sbatch --parsable …`: the job id, or an error with sbatch's own words.
    static func sbatch(_ arguments: [String]) throws -> String {
        let result = try command("sbatch", ["--parsable"] + arguments)
        guard result.status == 0, let id = result.output.split(separator: ";").first.map(String.init),
              !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw PipelineError.usage("sbatch failed (exit \(result.status)): \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return id
    }

    /// The cluster's MaxArraySize (`scontrol show config`), or Slurm's default 1001.
    static func maximumArraySize() -> Int {
        guard let result = try? command("scontrol", ["show", "config"]), result.status == 0 else { return 1001 }
        for line in result.output.split(separator: "\n") where line.hasPrefix("MaxArraySize") {
            if let value = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                return value
            }
        }
        return 1001
    }

    /// Runs a program found on PATH; its status, standard output and standard error.
    static func command(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do { try process.run() } catch {
            throw PipelineError.usage("cannot run \(name): \(error.localizedDescription)")
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                String(decoding: err, as: UTF8.self))
    }
}

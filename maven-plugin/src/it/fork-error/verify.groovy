// The forked build's errors reach the Maven log one per line, `file:line:col: error: message`, with
// the full path; the goal fails the build and nothing is written.
String log = new File(basedir, 'build.log').getText('UTF-8')
String file = new File(basedir, 'archive/content/nasional/rusak.md').canonicalFile.path
def error = log.readLines().find { it.startsWith('[ERROR] ') && it.contains('content/nasional/rusak.md:3:') }
assert error != null : 'the date error with its line'
assert error.startsWith("[ERROR] ${file}:3:") : "the full path, clickable: ${error}"
assert error.endsWith("rusak.md:3:7: error: 'date' is not a date: '2024-13-45'; write it as 2023-09-05, 2023-09-05T08:30:00 or 2023-09-05T08:30:00+07:00, in quotes if in doubt")
assert log.contains('Warta found 1 error in ')
assert !log.contains('failed unexpectedly')
assert !new File(basedir, 'public').exists()
return true

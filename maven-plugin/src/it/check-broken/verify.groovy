// warta:check fails on errors, one `file:line:col: message` log line per problem, and writes nothing.
String log = new File(basedir, 'build.log').getText('UTF-8')
String file = new File(basedir, 'src/site/warta/content/nasional/rusak.md').canonicalFile.path
def error = log.readLines().find { it.startsWith('[ERROR] ') && it.contains('content/nasional/rusak.md:3:') }
assert error != null : 'the date error with its line'
assert error.startsWith("[ERROR] ${file}:3:") : "the full path, clickable: ${error}"
assert error =~ /rusak\.md:3:\d+: error: /
assert log.contains('Warta found 1 error in ')
assert !new File(basedir, 'target/site/warta').exists()
return true

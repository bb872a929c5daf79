// The forked import's error reaches the Maven log with the export's path, line and column; the goal
// fails and writes nothing.
String log = new File(basedir, 'build.log').getText('UTF-8')
def error = log.readLines().find { it.startsWith('[ERROR] ') && it.contains('rusak.wordpress.xml:18:') }
assert error != null : 'the error with the line of the wrong end tag'
assert error.contains('not well-formed XML')
assert log.contains('Warta could not import rusak.wordpress.xml; nothing was written')
assert !log.contains('failed unexpectedly')
assert !new File(basedir, 'archive').exists()
return true

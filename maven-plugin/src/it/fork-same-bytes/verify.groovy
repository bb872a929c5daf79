// A forked build writes the same bytes as one in Maven's JVM, with or without the class-data
// archive, and logs as one does.
import java.nio.file.Files
import java.nio.file.Path

Map<String, byte[]> files(File output) {
  Path root = output.toPath().toRealPath()
  Map<String, byte[]> all = new TreeMap<>()
  Files.walk(root).withCloseable { s ->
    s.filter { Files.isRegularFile(it) }.forEach { all.put(root.relativize(it).toString(), Files.readAllBytes(it)) }
  }
  return all
}

Map<String, byte[]> inProcess = files(new File(basedir, 'in-process'))
assert inProcess.containsKey('index.html')
assert inProcess.size() > 20
['forked', 'forked-again'].each { name ->
  Map<String, byte[]> forked = files(new File(basedir, name))
  assert forked.keySet() == inProcess.keySet() : "${name}: the same files"
  forked.each { path, bytes -> assert Arrays.equals(bytes, inProcess[path]) : "${name}/${path}: the same bytes" }
}
assert new File(basedir, 'jvm-cache/jvm').listFiles().findAll { it.name.endsWith('.jsa') }.size() == 1 : 'one class-data archive, made by the first build'
assert new File(basedir, 'jvm-cache/jvm').listFiles().findAll { it.name.endsWith('.tmp') }.isEmpty() : 'no archive left half made'

String log = new File(basedir, 'build.log').getText('UTF-8')
// each build logs its stages and its summary, the forked ones through the Maven log
assert log.readLines().count { it ==~ /\[INFO\] render +\d+ in [0-9.]+ s/ } == 3
assert log.readLines().count { it.startsWith('[INFO] Warta: 4 articles, ') } == 3
assert !log.contains('@warta-fork') : 'no line of the protocol reaches the log as it is'
assert !log.contains('[cds]') : 'no note of the JVM on the archive'
return true

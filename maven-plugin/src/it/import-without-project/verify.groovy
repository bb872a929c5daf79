// The import ran without a project, wrote Markdown and its report; the build then answers the old permalinks.
assert !new File(basedir, 'pom.xml').exists()
File archive = new File(basedir, 'archive')
String ferry = new File(archive, 'content/pelabuhan/2022/kapal-feri-baru.md').getText('UTF-8')
assert ferry.contains('\ntitle: Kapal Feri Baru Layani Rute Pulau Seberang\n')
assert ferry.contains('\n- /2022/03/07/kapal-feri-baru/\n')
assert ferry.contains('\n\nKapal itu mampu mengangkut 300 penumpang dan 40 kendaraan.  \nTiket dijual di loket pelabuhan mulai pukul lima.\n\n')
assert ferry.contains('\n\nBACA JUGA: [Dermaga Timur Diperpanjang 50 Meter](dermaga-diperpanjang.md)\n\n')
assert new File(archive, 'import/report.json').getText('UTF-8').contains('"lostText": 0')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] loss check: 0 articles lost text, 0 lost links, 0 lost images or embeds')
File out = new File(basedir, 'public')
String redirect = new File(out, '2022/03/07/kapal-feri-baru/index.html').getText('UTF-8')
assert redirect.contains('url=/2022/03/kapal-feri-baru/')
String page = new File(out, '2022/03/kapal-feri-baru/index.html').getText('UTF-8')
assert page.contains('href="/2022/02/dermaga-diperpanjang/"') : 'the read also line links the imported article'
// the forked import and the one in Maven's JVM wrote the same files, byte for byte
def files = { File root -> def m = [:]; root.eachFileRecurse(groovy.io.FileType.FILES) { m[root.toPath().relativize(it.toPath()).toString()] = it.bytes }; m }
def forked = files(new File(archive, 'content'))
def inProcess = files(new File(basedir, 'in-process/content'))
assert forked.keySet() == inProcess.keySet()
forked.each { name, bytes -> assert Arrays.equals(bytes, inProcess[name]) : "${name} differs" }
assert new File(basedir, 'jvm-cache/jvm').list().any { it.endsWith('.jsa') } : 'the forked import made its class-data archive'
return true

// No pom.xml: the goal ran in Maven's stub project, reading and writing where the properties said.
assert !new File(basedir, 'pom.xml').exists()
File out = new File(basedir, 'public')
String home = new File(out, 'index.html').getText('UTF-8')
assert home.contains('Jembatan Gantung Baru Hubungkan Dua Desa')
assert home.contains('Koperasi Desa Rencanakan Lumbung Bersama') : '-Dwarta.drafts=true builds drafts'
assert new File(out, '.warta-output').isFile()
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('[INFO] Warta: 4 articles, ')
assert new File(basedir, 'target/site/warta/index.html').isFile() : 'the default output, relative to the current folder'
assert !new File(basedir, '${project.basedir}').exists()
return true

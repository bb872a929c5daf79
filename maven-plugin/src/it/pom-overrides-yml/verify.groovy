// Precedence: pom <configuration> > -Dwarta.* property > warta.yml > defaults.
String home = new File(basedir, 'target/site/warta/index.html').getText('UTF-8')
assert home.contains('<title>Kabar dari Pom</title>') : 'the pom beats both -Dwarta.title and warta.yml'
assert !home.contains('KabarDariBarisPerintah')
assert !home.contains('Kabar Lembah')
assert home.contains('DeskripsiDariBarisPerintah') : '-Dwarta.description beats warta.yml'
assert !home.contains('Berita kecil dari lembah.')
return true

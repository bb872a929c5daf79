// warta:build in a project: the archive is in target/site/warta, with every published article.
File out = new File(basedir, 'target/site/warta')
assert new File(out, '.warta-output').isFile() : 'the output folder carries Warta\'s marker'
String home = new File(out, 'index.html').getText('UTF-8')
assert home.contains('<title>Kabar Lembah</title>')

def titles = ['Jembatan Gantung Baru Hubungkan Dua Desa', 'Pasar Pagi Karanganyar Dibuka Kembali', 'Harga Gabah Petani Naik Menjelang Panen Raya']
def pages = []
out.eachFileRecurse { if (it.name == 'index.html') pages << it.getText('UTF-8') }
titles.each { title ->
  assert home.contains(title) : "the home page lists ${title}"
  assert pages.any { it.contains("<title>${title} · Kabar Lembah</title>") } : "an article page for ${title}"
}
assert !pages.any { it.contains('Koperasi Desa Rencanakan Lumbung Bersama') } : 'drafts stay out unless asked for'
// JSON-LD data everywhere; the one script is the search client, on the search page only
def scripts = { page -> (page =~ /<script(?![^>]*type="application\/ld\+json")[^>]*>/).collect { it } }
assert pages.findAll { !scripts(it).isEmpty() }.every { p -> p.contains('id="search-results"') && scripts(p).every { it.contains('search/search.js') } } : 'no JavaScript but the search client, on the search page'
assert new File(out, 'search/search.js').isFile() && new File(out, 'search/id/manifest.json').isFile() : 'the search index is published'

// the build cache goes to the build folder: not into the sources, nor into the published site
File cache = new File(basedir, 'target/warta-cache')
assert cache.isDirectory() && cache.list().any { it.startsWith('render-') } : 'the render cache is in target/warta-cache'
assert !new File(basedir, 'src/site/warta/.warta-cache').exists()
assert !new File(basedir, 'target/site').list().any { it.contains('cache') }

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[INFO\] load +3 in /
assert log.contains('[INFO] Warta: 3 articles, ')
assert log =~ /files written, \d+ unchanged, \d+ pages rendered, \d+ warnings? in [0-9.]+ s \(load /
String file = new File(basedir, 'src/site/warta/content/ekonomi/harga-gabah.md').canonicalFile.path
assert log.readLines().any { it.startsWith("[WARNING] ${file}:8:") && it.contains(': warning: ') } : 'the unresolved Baca juga line, as file:line:col'
return true

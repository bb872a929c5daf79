// mvn site: the archive in target/site/warta, and the maven-site-plugin's own files beside it.
File site = new File(basedir, 'target/site')
assert new File(site, 'warta/index.html').getText('UTF-8').contains('Jembatan Gantung Baru Hubungkan Dua Desa')
assert new File(site, 'warta/.warta-output').isFile()
assert new File(site, 'about.html').getText('UTF-8').contains('About Kabar Lembah') : 'the site plugin\'s page'
assert new File(site, 'css/site.css').isFile() : 'the site plugin\'s skin'
String log = new File(basedir, 'build.log').getText('UTF-8')
int warta = log.indexOf(':build (archive)')
int sitePlugin = log.indexOf('--- site:3.21.0:site (default-site)')
assert warta > 0 && sitePlugin > 0
assert sitePlugin < warta : 'the maven-site-plugin ran first'
return true

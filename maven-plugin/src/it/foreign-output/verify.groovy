// An output folder with files Warta did not write is refused, and those files stay.
File kept = new File(basedir, 'published/catatan.txt')
assert kept.getText('UTF-8') == 'Catatan redaksi: jangan dihapus.\n'
assert new File(basedir, 'published').list() as List == ['catatan.txt']
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('is not Warta\'s (it holds files that Warta did not write)')
return true

// -Dwarta.skip=true: both goals say so and write nothing.
assert !new File(basedir, 'target').exists()
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping Warta build (warta.skip)')
assert log.contains('[INFO] Skipping Warta check (warta.skip)')
return true

/**
 * Imported first by the CLI, so it runs before any other module: the daemon needs Node 24 (npm scripts bring it
 * through the `node` devDependency), and an older Node — say a system Node 20 running the installed `triage` —
 * gets one line saying so and exit 2 instead of an obscure failure later.
 */
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `triage needs Node.js 24 or newer; this is Node.js ${process.versions.node}. ` +
      'Run it through npm (npm start, npm run triage -- …), which uses the Node 24 the project installs, ' +
      'or install Node.js 24.\n',
  );
  process.exit(2);
}

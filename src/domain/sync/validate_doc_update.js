function (newDoc, oldDoc, userCtx, secObj) {
  // Probation Workbook team database: every document is an envelope of ciphertext (issue 21,
  // sync.md). The server cannot read a document, so it checks only the shape, and who may write:
  // members write records, only seniors (a member role with ":senior" after it) the keyring and
  // team list, only server admins this design document. Nobody but a server admin is an admin of
  // the database, so nobody else can change its _security or design documents. The team's role is
  // written in when the database is set up (not read from secObj: the test peer passes an empty
  // one to validations of _bulk_docs).
  var member = '%TEAM_ROLE%';
  var senior = member + ':senior';
  var roles = userCtx.roles || [];
  var has = function (wanted) {
    for (var i = 0; i < wanted.length; i++) {
      if (roles.indexOf(wanted[i]) !== -1) return true;
    }
    return false;
  };
  var isServerAdmin = roles.indexOf('_admin') !== -1;
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (!isServerAdmin) throw({ forbidden: 'Only the server administrator changes the design document.' });
    return;
  }
  if (!isServerAdmin && !has([member, senior])) {
    throw({ forbidden: 'You are not a member of this team.' });
  }
  var seniorOnly = /^(keyring|team-list)-[0-9a-f-]{1,80}$/.test(id);
  if (!seniorOnly && !/^[0-9a-f]{32}$/.test(id)) {
    throw({ forbidden: 'A document id is 32 hexadecimal digits.' });
  }
  if (seniorOnly && !isServerAdmin && !has([senior])) {
    throw({ forbidden: 'Only a senior writes the keyring and the team list.' });
  }
  var allowed = { _id: 1, _rev: 1, _revisions: 1, _deleted: 1, envelope: 1 };
  for (var key in newDoc) {
    if (!allowed[key]) throw({ forbidden: 'A document holds only an envelope: "' + key + '" is not allowed.' });
  }
  var envelope = newDoc.envelope;
  if (typeof envelope !== 'object' || envelope === null) {
    throw({ forbidden: 'A document must hold an envelope, even a deleted one.' });
  }
  var fields = { v: 'number', schema: 'number', epoch: 'number', by: 'string', iv: 'string', ct: 'string', sig: 'string' };
  for (var field in envelope) {
    if (!fields[field]) throw({ forbidden: 'An envelope has no field "' + field + '".' });
  }
  for (var name in fields) {
    if (typeof envelope[name] !== fields[name]) throw({ forbidden: 'An envelope needs "' + name + '".' });
  }
}

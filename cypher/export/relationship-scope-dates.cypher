// Which relationships between two nodes in scope an export filtered by date range keeps (a
// predicate on `r`): MET of meetings in the range, and every other type.
(($from IS NULL AND $to IS NULL) OR NOT r:MET
 OR (r.date IS NOT NULL AND ($from IS NULL OR r.date >= $from) AND ($to IS NULL OR r.date <= $to)))

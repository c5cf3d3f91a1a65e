// statuses have no operator<: Green < n/a means nothing; order ratings by severity()
// expect: no match for .*operator<|invalid operands to binary expression
#include <bmm/status.hpp>
void rule() {
    const bmm::status a = bmm::rag::amber, b = bmm::data_status::monitoring_only;
    (void)(bmm::severity(bmm::rag::amber) < bmm::severity(bmm::rag::red));  // the legal twin
    (void)(a == b);
#ifdef BMM_COMPILE_FAIL
    (void)(a < b);  // the forbidden line
#endif
}

using Nop.Core.Domain.Media;

namespace Nop.Services.Media;

public partial interface IPictureService
{
    Task<(string Url, Picture Picture)> GetPictureUrlAsync(Picture picture,
        int targetSize = 0,
        bool showDefaultPicture = true,
        string storeLocation = null,
        PictureType defaultPictureType = PictureType.Entity);

    Task<IList<Picture>> GetPicturesByProductIdAsync(int productId, int recordsToReturn = 0);
}
